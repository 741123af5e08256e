/**
 * Answers about a shared model object (a parsed CIDR, a rule) that also depend on a small setting such
 * as the internet definition: computed once per pair and kept as long as the object lives. Answers are
 * shared, so they are frozen.
 */
export class AnswerCache<K extends object, V> {
    private readonly answers = new WeakMap<K, Map<string, V>>();

    get(key: K, setting: string, compute: () => V): V {
        let bySetting = this.answers.get(key);
        if (!bySetting) {
            bySetting = new Map();
            this.answers.set(key, bySetting);
        }
        let answer = bySetting.get(setting);
        if (answer === undefined) {
            answer = compute();
            if (typeof answer === "object" && answer !== null) Object.freeze(answer);
            bySetting.set(setting, answer);
        }
        return answer;
    }
}

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AnswerCache = void 0;
/**
 * Answers about a shared model object (a parsed CIDR, a rule) that also depend on a small setting such
 * as the internet definition: computed once per pair and kept as long as the object lives. Answers are
 * shared, so they are frozen.
 */
class AnswerCache {
    constructor() {
        this.answers = new WeakMap();
    }
    get(key, setting, compute) {
        let bySetting = this.answers.get(key);
        if (!bySetting) {
            bySetting = new Map();
            this.answers.set(key, bySetting);
        }
        let answer = bySetting.get(setting);
        if (answer === undefined) {
            answer = compute();
            if (typeof answer === "object" && answer !== null)
                Object.freeze(answer);
            bySetting.set(setting, answer);
        }
        return answer;
    }
}
exports.AnswerCache = AnswerCache;

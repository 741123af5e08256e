"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.servePolicyPack = void 0;
/**
 * tierguard's Analyzer server: the methods of `@pulumi/policy` 1.21's server, answering as it answers,
 * but decoding each request once for all policies. See README.md beside this file.
 */
var serve_1 = require("./serve");
Object.defineProperty(exports, "servePolicyPack", { enumerable: true, get: function () { return serve_1.servePolicyPack; } });

#!/usr/bin/env node
// The CLI runs the same committed bundle as the actions.
import '../dist/cli.js';

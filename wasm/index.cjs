// invitekit for Node, as CommonJS.
'use strict';
const { createApi } = require('./dist/api.cjs');

exports.createInviteKit = createApi(require('./dist/invitekit-node.cjs'));

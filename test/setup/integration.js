// Integration tests boot the compiled CMS (cms/dist) and run the compiled workers.
module.exports = require('./build')('server');

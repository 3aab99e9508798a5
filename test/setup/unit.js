// Unit tests import the sources, and the shared config as its package (config/dist).
module.exports = require('./build')('config');

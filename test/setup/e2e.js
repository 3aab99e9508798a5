// Browser tests also need the admin panel and the site.
module.exports = require('./build')('all');

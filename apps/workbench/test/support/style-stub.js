// Stylesheets are the bundler's business; component tests import none of their content.
module.exports = {};

// Usage: node check.js page.html [schema]
// Parses the page's structured data (web-auto-extractor: JSON-LD, microdata, RDFa, meta tags) and runs the
// Google, Twitter and Facebook presets of structured-data-testing-tool. Prints one JSON line; exit 1 on a failure.
const fs = require('fs')
const { structuredDataTest } = require('structured-data-testing-tool')
const { Google, Twitter, Facebook } = require('structured-data-testing-tool/presets')

const [file, schema] = process.argv.slice(2)
const html = fs.readFileSync(file, 'utf8')
const options = { presets: [Google, Twitter, Facebook] }
if (schema) options.schemas = [schema]

const summary = (res) => ({
  schemas: res.schemas,
  passed: res.passed.length,
  failed: res.failed.map(t => ({ test: t.test, description: t.description, error: t.error && t.error.message })),
  warnings: res.warnings.map(t => t.test),
  jsonld: res.structuredData && res.structuredData.jsonld,
})

structuredDataTest(html, options)
  .then(res => { console.log(JSON.stringify(summary(res))) })
  .catch(err => {
    if (err.type === 'VALIDATION_FAILED') {
      console.log(JSON.stringify(summary(err.res)))
    } else {
      console.log(JSON.stringify({ error: String(err && err.message || err) }))
    }
    process.exitCode = 1
  })

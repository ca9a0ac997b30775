// Usage: node validate.mjs objects.json
// objects.json: [{"where": "...", "object": {...}}, ...], each a postgresql.cnpg.io/v1 object.
// Checks each against CloudNativePG's API types as compiled validators (@kubernetes-models/cloudnative-pg, generated
// from github.com/cloudnative-pg/cloudnative-pg/api/v1): types, enums, patterns and required fields. These validators
// let unknown fields through; deploy-tests' CustomResourceShapes rejects those. Prints one JSON array of problems.
import fs from 'fs';
import * as cnpg from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';

const problems = [];
for (const { where, object } of JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))) {
  const Kind = cnpg[object.kind];
  if (typeof Kind !== 'function' || Kind.kind !== object.kind) {
    problems.push(`${where}: CloudNativePG has no kind '${object.kind}'`);
    continue;
  }
  try {
    new Kind(object).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message} (CloudNativePG API types, @kubernetes-models/cloudnative-pg 2.0.0)`);
  }
}
console.log(JSON.stringify(problems));

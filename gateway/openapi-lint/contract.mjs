// The contract check: every distinct answer that an operation of the published API gave
// during the integration suite (recorded by the test filter ContractAnswers) must be one
// the OpenAPI document states: the operation exists for the method, the status is among
// its responses, and a body's media type is among that response's content. Prints each
// answer the document does not state and exits 1 when there is one.
import { existsSync, readFileSync, rmSync } from 'node:fs';

export function check(documentFile, answersFile) {
  if (!existsSync(answersFile)) {
    console.log(`No recorded answers at ${answersFile} (integration tests skipped): contract not checked.`);
    return 0;
  }
  const document = JSON.parse(readFileSync(documentFile, 'utf8'));
  const server = (document.servers?.[0]?.url ?? '').replace(/\/$/, '');
  const operations = new Map();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const base = (item.servers?.[0]?.url ?? server).replace(/\/$/, '');
    operations.set(normalise(base + path), item);
  }
  const answers = readFileSync(answersFile, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const unstated = [];
  for (const answer of answers) {
    const method = answer.method === 'HEAD' ? 'get' : answer.method.toLowerCase();
    if (method === 'options') {
      continue;
    }
    const item = operations.get(normalise(answer.path));
    const operation = item?.[method];
    if (!operation) {
      // Answered by a handler the document does not describe (hidden on purpose, or a
      // method Spring MVC refused): only the documented operations are the contract.
      if (item) {
        unstated.push(`${answer.method} ${answer.path}: no such operation in the document (answered ${answer.status})`);
      }
      continue;
    }
    const status = String(answer.status);
    const response = operation.responses?.[status] ?? operation.responses?.[`${status[0]}XX`] ?? operation.responses?.default;
    if (!response) {
      unstated.push(`${answer.method} ${answer.path}: status ${status} is not among ${Object.keys(operation.responses ?? {}).join(', ')}`);
      continue;
    }
    const content = Object.keys(response.content ?? {});
    if (answer.contentType && content.length > 0 && !content.some((type) => matches(type, answer.contentType))) {
      unstated.push(`${answer.method} ${answer.path} ${status}: ${answer.contentType} is not among ${content.join(', ')}`);
    }
  }
  console.log(`Contract: ${answers.length} distinct answers of the integration suite checked against the document, ${unstated.length} not stated in it.`);
  unstated.sort().forEach((line) => console.log(`  ${line}`));
  // Checked once: the next run of the suite records its own answers.
  rmSync(answersFile);
  return unstated.length === 0 ? 0 : 1;
}

function normalise(path) {
  return path.replace(/\{[^}]*\}/g, '{}');
}

function matches(declared, actual) {
  if (declared === '*/*' || declared === actual) {
    return true;
  }
  const [type, subtype] = declared.split('/');
  const [actualType] = actual.split('/');
  return subtype === '*' && type === actualType;
}

// Reads rendered Kubernetes manifests (multi-document YAML) on stdin and validates every resource against the
// schema of its apiVersion and kind (kubernetes-models). Prints one line per problem; exits 1 when any.
import { parseAllDocuments } from "yaml";

const text = await new Promise((resolve) => {
  let input = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (input += chunk));
  process.stdin.on("end", () => resolve(input));
});

let problems = 0;
let checked = 0;
for (const document of parseAllDocuments(text)) {
  const resource = document.toJS();
  if (!resource) continue;
  const name = `${resource.kind}/${resource.metadata?.name}`;
  // kustomize wraps long base64 Secret values over lines; the API server's decoder skips the line breaks, the schema's
  // "byte" format does not, so the check sees them unwrapped.
  if (resource.kind === "Secret" && resource.data) {
    for (const key of Object.keys(resource.data)) resource.data[key] = String(resource.data[key]).replace(/\s+/g, "");
  }
  // "v1" is the core group; "apps/v1" lives at kubernetes-models/apps/v1.
  const modulePath = `kubernetes-models/${resource.apiVersion}`;
  try {
    const models = await import(modulePath);
    const Model = models[resource.kind];
    if (!Model) throw new Error(`no schema for kind ${resource.kind} in ${resource.apiVersion}`);
    new Model(resource).validate();
    checked++;
  } catch (error) {
    problems++;
    console.log(`${name}: ${error.message}`);
  }
}

console.log(`${checked} resources valid, ${problems} invalid`);
process.exit(problems === 0 && checked > 0 ? 0 : 1);

// Read GIFT on stdin and print gift-pegjs's parse as JSON: {"questions": [...]} or {"error": "..."}.
const { parse } = require("gift-pegjs");
let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  try {
    process.stdout.write(JSON.stringify({ questions: parse(input) }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error.message) }));
  }
});

# Doxygen INPUT_FILTER for include/rocketmq: the headers' contract comments are plain `//`
# comments (docs/../.clang-format style); this turns them into Doxygen comments on the fly, so
# the headers need no Doxygen markup:
#   * the comment block at the top of a file describes the file (\file);
#   * a `//` comment line becomes `///` (documents the declaration below it);
#   * `int x = 0;  // meaning` becomes `///<` (documents the member on its left);
#   * a comment line indented by 3 spaces (`//   producer.start();`, an example) is code: it
#     gets the indent of a Markdown code block (4 more than the text's 1);
#   * section rulers (`// ---- lifecycle ----`) and `}  // namespace x` stay plain comments.
# Usage (what doxygen runs): awk -f docs/doxygen-filter.awk <header>
function plain_comment(line) {
  return line ~ /^[ \t]*\/\/ *-+ .* -+ *$/ || line ~ /^[ \t]*\/\/ *(NOLINT|clang-format)/
}
# The top block is held back one line: its last line gets the \file command (no line is added,
# so doxygen's warnings keep the header's line numbers).
FNR == 1 { head = ($0 ~ /^\/\//); held = "" }
function doc_comment(line) {
  if (!sub(/\/\/   /, "///     ", line)) sub(/\/\//, "///", line)
  return line
}
head && /^\/\// {
  if (held != "") print held
  held = doc_comment($0)
  next
}
head { head = 0; print held " \\file" }
/^[ \t]*\/\/[^\/!]/ || /^[ \t]*\/\/$/ {
  print plain_comment($0) ? $0 : doc_comment($0)
  next
}
/[;,][ \t]*\/\/ / && !/^[ \t]*}/ && !/"[^"]*\/\/[^"]*"/ { sub(/[ \t]*\/\/ /, "  ///< "); print; next }
{ print }
END { if (head && held != "") print held " \\file" }

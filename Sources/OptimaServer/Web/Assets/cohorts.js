// New-cohort form: an "Add a rule" button that copies the last rule fieldset with the next number, up to
// ten (the server's limit). Without this script the form offers three rules and works the same.
(function () {
  "use strict";
  var rules = document.getElementById("cohort-rules");
  if (!rules) { return; }
  var maximum = 10;
  var button = document.createElement("button");
  button.type = "button";
  button.id = "add-rule";
  button.textContent = "Add a rule";
  rules.after(button);

  function renumber(node, from, to) {
    ["id", "name", "for", "aria-describedby"].forEach(function (attribute) {
      var value = node.getAttribute && node.getAttribute(attribute);
      if (value) { node.setAttribute(attribute, value.replace("rule-" + from + "-", "rule-" + to + "-")); }
    });
  }

  function update() { button.disabled = rules.querySelectorAll("fieldset.rule").length >= maximum; }

  button.addEventListener("click", function () {
    var all = rules.querySelectorAll("fieldset.rule");
    var last = all[all.length - 1];
    var from = Number(last.dataset.rule);
    var to = from + 1;
    var copy = last.cloneNode(true);
    copy.dataset.rule = String(to);
    copy.querySelector("legend").textContent = "Inclusion rule " + to + " (optional)";
    copy.querySelectorAll(".error, .chosen-concepts").forEach(function (node) { node.remove(); });
    copy.querySelectorAll("*").forEach(function (node) {
      renumber(node, from, to);
      node.removeAttribute("aria-invalid");
      if (node.tagName === "INPUT" && node.type === "text") {
        node.value = node.id.endsWith("-before") ? "365" : node.id.endsWith("-after") ? "0" : node.id.endsWith("-count") ? "1" : "";
      }
    });
    rules.appendChild(copy);
    update();
    copy.querySelector("input[type=text]").focus();
  });
  update();
})();

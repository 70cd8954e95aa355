// Explore: builds the query from tree nodes, keeps the live patient count, loads tree children on demand.
// Plain JavaScript; the page works without it (the JSON form counts on the server).
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var countOutput = document.getElementById("patient-count");
  var countStatus = document.getElementById("count-status");
  var countError = document.getElementById("count-error");
  var criteriaBox = document.getElementById("criteria");
  var queryJSON = document.getElementById("query-json");
  var saveConstraint = document.getElementById("save-constraint");
  var textarea = document.getElementById("constraint");
  if (!criteriaBox || !countOutput) { return; }

  var state = { combine: "and", groups: [], active: -1 };
  var timer = null;
  var requestNumber = 0;
  var nextID = 1;

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attributes[key]; } else { node.setAttribute(key, attributes[key]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function labelled(text, control) {
    var id = "c" + (nextID++);
    control.id = id;
    return [el("label", { "for": id, text: text }), control];
  }

  // The constraint of one criterion: a concept with its value and dates on the same observation, or a patient field.
  function criterionConstraint(c) {
    if (c.field) {
      var field = { dimension: "patient", fieldName: c.field, type: c.field === "age" ? "NUMERIC" : "STRING" };
      if (c.field === "sex") {
        if (!c.checked.length) { return null; }
        return { type: "field", field: field, operator: "in", value: c.checked };
      }
      var age = numericValue(c);
      return age ? { type: "field", field: field, operator: age.operator, value: age.value } : null;
    }
    var parts = [c.base];
    if (c.valueType === "NUMERIC") {
      var number = numericValue(c);
      if (number) { parts.push({ type: "value", valueType: "NUMERIC", operator: number.operator, value: number.value }); }
    } else if (c.valueType === "STRING" && c.checked.length) {
      parts.push({ type: "value", valueType: "STRING", operator: "in", value: c.checked });
    }
    if (c.from && c.to) {
      parts.push({ type: "time", operator: "<-->", values: [c.from, c.to] });
    } else if (c.from) {
      parts.push({ type: "time", operator: ">=", values: [c.from] });
    } else if (c.to) {
      parts.push({ type: "time", operator: "<=", values: [c.to] });
    }
    var inner = parts.length === 1 ? parts[0] : { type: "and", args: parts };
    return { type: "subselection", dimension: "patient", constraint: inner };
  }

  function numericValue(c) {
    if (!c.operator) { return null; }
    var low = parseFloat(c.low), high = parseFloat(c.high);
    if (c.operator === "<-->") { return isNaN(low) || isNaN(high) ? null : { operator: "<-->", value: [low, high] }; }
    return isNaN(low) ? null : { operator: c.operator, value: low };
  }

  function combine(type, args) {
    return args.length === 1 ? args[0] : { type: type, args: args };
  }

  function queryConstraint() {
    var groups = state.groups.map(function (group) {
      var parts = group.criteria.map(criterionConstraint).filter(Boolean);
      if (!parts.length) { return null; }
      var constraint = combine(group.combine, parts);
      return group.include ? constraint : { type: "negation", arg: constraint };
    }).filter(Boolean);
    return groups.length ? combine(state.combine, groups) : { type: "true" };
  }

  function changed() {
    var text = JSON.stringify(queryConstraint(), null, 1);
    queryJSON.textContent = text;
    if (saveConstraint) { saveConstraint.value = text; }
    if (textarea) { textarea.value = text; }
    countOutput.classList.add("stale");
    countOutput.setAttribute("aria-busy", "true");
    countStatus.textContent = "(updating…)";
    clearTimeout(timer);
    timer = setTimeout(function () { count(text); }, 300);
  }

  function count(text) {
    var mine = ++requestNumber;
    fetch("/api/explore/counts", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify({ constraint: JSON.parse(text) })
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (mine !== requestNumber) { return; }
      countOutput.classList.remove("stale");
      countOutput.removeAttribute("aria-busy");
      if (!result.ok) {
        countError.textContent = (result.body.error && result.body.error.message) || "The query could not be counted.";
        countStatus.textContent = "";
        return;
      }
      countError.textContent = "";
      countOutput.textContent = String(result.body.patientCount);
      countStatus.textContent = "(" + Math.round(result.body.milliseconds) + " ms)";
    }).catch(function () {
      if (mine !== requestNumber) { return; }
      countOutput.classList.remove("stale");
      countError.textContent = "The server could not be reached; the count shown is the last one.";
    });
  }

  function render() {
    criteriaBox.textContent = "";
    var top = el("select", {}, [el("option", { value: "and", text: "all groups (AND)" }), el("option", { value: "or", text: "any group (OR)" })]);
    top.value = state.combine;
    top.addEventListener("change", function () { state.combine = top.value; changed(); });
    criteriaBox.appendChild(el("p", {}, labelled("Patients must match ", top)));
    if (!state.groups.length) { criteriaBox.appendChild(el("p", { "class": "muted", text: criteriaBox.dataset.empty })); }
    state.groups.forEach(function (group, index) { criteriaBox.appendChild(renderGroup(group, index)); });
    var add = el("button", { type: "button", id: "add-group", text: "New group" });
    add.addEventListener("click", function () { state.groups.push(newGroup()); state.active = state.groups.length - 1; render(); });
    criteriaBox.appendChild(add);
  }

  function newGroup() { return { include: true, combine: "and", criteria: [] }; }

  function renderGroup(group, index) {
    var include = el("select", {}, [el("option", { value: "include", text: "Include" }), el("option", { value: "exclude", text: "Exclude" })]);
    include.value = group.include ? "include" : "exclude";
    include.addEventListener("change", function () { group.include = include.value === "include"; render(); changed(); });
    var join = el("select", {}, [el("option", { value: "and", text: "all (AND)" }), el("option", { value: "or", text: "any (OR)" })]);
    join.value = group.combine;
    join.addEventListener("change", function () { group.combine = join.value; changed(); });
    var select = el("button", { type: "button", text: index === state.active ? "Adding here" : "Add concepts here" });
    select.addEventListener("click", function () { state.active = index; render(); });
    var remove = el("button", { type: "button", text: "Remove group" });
    remove.addEventListener("click", function () {
      state.groups.splice(index, 1);
      state.active = Math.min(state.active, state.groups.length - 1);
      render(); changed();
    });
    var header = el("header", {}, labelled("Group " + (index + 1), include).concat(labelled("patients matching", join), [select, remove]));
    var box = el("section", { "class": "criteria-group" + (group.include ? "" : " exclude") + (index === state.active ? " active" : ""),
                              "aria-label": "Group " + (index + 1) }, [header]);
    group.criteria.forEach(function (c, position) { box.appendChild(renderCriterion(group, c, position)); });
    return box;
  }

  function renderCriterion(group, c, position) {
    var row = el("div", { "class": "criterion" }, [el("span", { "class": "criterion-name", text: c.name })]);
    if (c.valueType === "NUMERIC") {
      var op = el("select", {}, ["", "<", "<=", "=", ">=", ">", "<-->"].map(function (o) {
        return el("option", { value: o, text: o === "" ? (c.field ? "choose" : "any value") : o === "<-->" ? "between" : o });
      }));
      op.value = c.operator || "";
      var low = el("input", { type: "number", step: "any", value: c.low || "" });
      var high = el("input", { type: "number", step: "any", value: c.high || "" });
      high.hidden = c.operator !== "<-->";
      op.addEventListener("change", function () { c.operator = op.value; high.hidden = c.operator !== "<-->"; changed(); });
      low.addEventListener("input", function () { c.low = low.value; changed(); });
      high.addEventListener("input", function () { c.high = high.value; changed(); });
      labelled("Value", op).concat(labelled("number", low), labelled("and", high)).forEach(function (n) { row.appendChild(n); });
    } else if (c.choices.length) {
      c.choices.forEach(function (choice) {
        var box = el("input", { type: "checkbox", value: choice });
        box.checked = c.checked.indexOf(choice) >= 0;
        box.addEventListener("change", function () {
          c.checked = box.checked ? c.checked.concat([choice]) : c.checked.filter(function (x) { return x !== choice; });
          changed();
        });
        labelled(choice, box).reverse().forEach(function (n) { row.appendChild(n); });
      });
    }
    if (!c.field) {
      var from = el("input", { type: "date", value: c.from || "" });
      var to = el("input", { type: "date", value: c.to || "" });
      from.addEventListener("change", function () { c.from = from.value; changed(); });
      to.addEventListener("change", function () { c.to = to.value; changed(); });
      labelled("from", from).concat(labelled("to", to)).forEach(function (n) { row.appendChild(n); });
    }
    var remove = el("button", { type: "button", text: "Remove", "aria-label": "Remove " + c.name });
    remove.addEventListener("click", function () { group.criteria.splice(position, 1); render(); changed(); });
    row.appendChild(remove);
    return row;
  }

  function addNode(button) {
    var base = JSON.parse(button.dataset.constraint || "null");
    if (!base) { return; }
    if (state.active < 0 || !state.groups[state.active]) { state.groups.push(newGroup()); state.active = state.groups.length - 1; }
    var choices = (button.dataset.valueChoices || "").split("|").filter(Boolean);
    var field = base.type === "field" ? base.field.fieldName : null;
    state.groups[state.active].criteria.push({
      name: button.dataset.name, base: base, field: field, valueType: button.dataset.valueType || "",
      choices: choices, checked: [], operator: "", low: "", high: "", from: "", to: ""
    });
    render();
    changed();
  }

  function expand(toggle) {
    var item = toggle.parentNode;
    var open = toggle.getAttribute("aria-expanded") === "true";
    var existing = item.querySelector("ul.tree-level");
    if (open) {
      toggle.setAttribute("aria-expanded", "false");
      toggle.textContent = "+";
      if (existing) { existing.hidden = true; }
      return;
    }
    toggle.setAttribute("aria-expanded", "true");
    toggle.textContent = "−";
    if (existing) { existing.hidden = false; return; }
    fetch("/api/explore/tree?parent=" + encodeURIComponent(toggle.dataset.parent), {
      credentials: "same-origin", headers: { "X-CSRF-Token": csrf }
    }).then(function (response) { return response.json(); }).then(function (body) {
      var list = el("ul", { "class": "tree-level" });
      (body.nodes || []).forEach(function (node) { list.appendChild(treeItem(node)); });
      item.appendChild(list);
    });
  }

  function treeItem(node) {
    var count = node.patientCount === undefined || node.patientCount === null ? "" : String(node.patientCount);
    var li = el("li", { "class": "tree-item" });
    if (node.hasChildren && node.conceptId) {
      li.appendChild(el("button", { type: "button", "class": "tree-toggle", "data-parent": String(node.conceptId),
                                    "aria-expanded": "false", "aria-label": "Show concepts under " + node.name, text: "+" }));
    }
    li.appendChild(el("button", {
      type: "button", "class": "tree-node", "data-concept-id": String(node.conceptId || ""), "data-name": node.name,
      "data-constraint": JSON.stringify(node.constraint || null), "data-value-type": node.valueType || "",
      "data-value-choices": (node.valueChoices || []).join("|"), "data-count": count, title: "Add " + node.name + " to the query"
    }, [el("span", { "class": "tree-name", text: node.name }), document.createTextNode(" "),
        el("span", { "class": "tree-count num", text: count })]));
    return li;
  }

  document.getElementById("explore-tree").addEventListener("click", function (event) {
    var toggle = event.target.closest("button.tree-toggle");
    if (toggle) { expand(toggle); return; }
    var node = event.target.closest("button.tree-node");
    if (node) { addNode(node); }
  });

  render();
})();

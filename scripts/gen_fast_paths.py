#!/usr/bin/env python3
"""Writes fast_paths.cpp: each endpoint's schemas as straight-line C++ (see src/detail/fast_path.h).

    python3 scripts/gen_fast_paths.py OUTPUT.cpp src/endpoints/a.json src/endpoints/b.json ...

The build runs it (src/CMakeLists.txt), so the endpoint descriptions stay the one source of
truth. For every schema node it writes a yes/no check with the interpreter's exact semantics
(schema_eval.cpp, evaluator<false>): the same keywords in the same order, the same helpers
(is_email, count_code_points, find_duplicates, json_value::find, regex_search). A keyword it
does not know makes that endpoint's fast path "unsure" for every body — never a wrong answer.
"""
import json
import sys

# Annotations: keywords that never fail. x-code and x-messages only name what a failure says.
ANNOTATIONS = {'$schema', '$comment', 'title', 'description', 'examples', 'default',
               'readOnly', 'writeOnly', 'x-code', 'x-messages'}
MAX_ERRORS = 100  # issue.h: max_errors


# A key or enum word against a literal: the length, then the bytes in a plain loop. The
# generated checks compare strings more than they do anything else, and at -Oz (the npm
# package) string_view's == is three nested calls down to memcmp.
SAME = '''bool same(std::string_view s, const char* literal, std::size_t size) {
  if (s.size() != size) return false;
  for (std::size_t i = 0; i < size; ++i) {
    if (s.data()[i] != literal[i]) return false;
  }
  return true;
}
'''


class Unsupported(Exception):
    """The generator cannot mirror this schema: the endpoint has no fast path."""


def cpp_string(s):
    """A C++ string literal for s (UTF-8 bytes, octal escapes for anything unusual)."""
    out = []
    for b in s.encode('utf-8'):
        c = chr(b)
        if c in '"\\':
            out.append('\\' + c)
        elif 0x20 <= b < 0x7f and c != '?':  # '?': no trigraph surprises
            out.append(c)
        else:
            out.append('\\%03o' % b)
    return '"' + ''.join(out) + '"'


def pointer_token(name):
    return name.replace('~', '~0').replace('/', '~1')


def number_literal(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Unsupported('a number keyword that is not a number')
    if isinstance(value, int):
        return repr(float(value)) if abs(value) < 2 ** 53 else repr(value) + '.0'
    return repr(value)


def count_literal(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Unsupported('a count that is not a non-negative integer')
    return str(value) + 'u'


class Endpoint:
    """The C++ for one endpoint: check functions, fixed rules, root defaults."""

    def __init__(self, description):
        self.id = description['id']
        self.prefix = 'e_' + ''.join(c if c.isalnum() else '_' for c in self.id)
        self.functions = []   # C++ definitions
        self.declared = {}    # (id(node), skip_one_of) -> function name
        self.bodies = {}      # function body -> function name
        self.rules = []       # (path, code, message)
        self.regexes = []     # pattern sources
        self.schema = description.get('schema')
        self.warning_schema = description.get('warningSchema')

    # ---- yes/no checks (evaluator<false>) ----

    def check(self, node, skip_one_of=False):
        """The name of a function `bool f(const json_value& v)`: whether v is valid."""
        key = (id(node), skip_one_of)
        if key in self.declared:
            return self.declared[key]
        # No $ref, so no cycles: a node's body can be written before it has a name, and two
        # nodes that check the same thing (an "if" that tests a field like its property
        # schema does) share one function.
        body = self.check_body(node, skip_one_of) or '  static_cast<void>(v);\n'
        name = self.bodies.get(body)
        if name is None:
            name = '%s_s%d' % (self.prefix, len(self.bodies))
            self.bodies[body] = name
            self.functions.append('bool %s(const json_value& v) {\n%s  return true;\n}\n' % (name, body))
        self.declared[key] = name
        return name

    def check_body(self, node, skip_one_of):
        if node is True:
            return ''
        if node is False:
            return '  static_cast<void>(v);\n  return false;\n'
        if not isinstance(node, dict):
            raise Unsupported('a schema that is not an object or a boolean')
        known = ANNOTATIONS | {
            'type', 'enum', 'const', 'properties', 'required', 'additionalProperties',
            'items', 'minItems', 'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern',
            'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'allOf',
            'anyOf', 'oneOf', 'not', 'if', 'then', 'else'}
        for k in node:
            if k not in known:
                raise Unsupported('keyword ' + k)
        if isinstance(node.get('default'), (dict, list)):
            pass  # defaults are checked where they matter (root_defaults)
        out = []
        # Same order as evaluator::eval_node: type, enum, const, the value's own checks,
        # applicators. A yes/no walk has no side effects, so the order is only for reading.
        if 'type' in node:
            out.append('  if (!(%s)) return false;\n' % self.type_test(node['type']))
        if 'enum' in node:
            values = node['enum']
            if not isinstance(values, list) or not all(isinstance(x, str) for x in values):
                raise Unsupported('an enum of non-strings')
            out.append('  if (!v.is_string()) return false;\n')
            out.append('  {\n    const std::string_view s = v.as_string();\n')
            out.append('    if (!(%s)) return false;\n  }\n' % (
                ' || '.join(self.same('s', x) for x in values) or 'false'))
        if 'const' in node:
            if not isinstance(node['const'], str):
                raise Unsupported('a const that is not a string')
            out.append('  if (!v.is_string() || !%s) return false;\n' % self.same('v.as_string()', node['const']))
        out.append(self.object_checks(node))
        out.append(self.array_checks(node))
        out.append(self.string_checks(node))
        out.append(self.number_checks(node))
        for sub in node.get('allOf', []):
            out.append('  if (!%s(v)) return false;\n' % self.check(sub))
        if 'anyOf' in node:
            out.append('  if (!(%s)) return false;\n' % (
                ' || '.join('%s(v)' % self.check(s) for s in node['anyOf']) or 'false'))
        if 'oneOf' in node and not skip_one_of:
            out.append('  if (%s != 1) return false;\n' % self.match_count(node['oneOf']))
        if 'not' in node:
            out.append('  if (%s(v)) return false;\n' % self.check(node['not']))
        if 'if' in node:
            then = self.check(node['then']) + '(v)' if 'then' in node else 'true'
            otherwise = self.check(node['else']) + '(v)' if 'else' in node else 'true'
            out.append('  if (!(%s(v) ? %s : %s)) return false;\n' % (self.check(node['if']), then, otherwise))
        return ''.join(out)

    def match_count(self, branches):
        return '(' + ' + '.join('int(%s(v))' % self.check(s) for s in branches) + ')'

    @staticmethod
    def type_test(types):
        tests = {'null': 'v.is_null()', 'boolean': 'v.is_bool()', 'integer': 'v.is_integer()',
                 'number': 'v.is_number()', 'string': 'v.is_string()', 'array': 'v.is_array()',
                 'object': 'v.is_object()'}
        names = [types] if isinstance(types, str) else types
        if not isinstance(names, list) or not names or any(t not in tests for t in names):
            raise Unsupported('a type keyword it does not know')
        return ' || '.join(tests[t] for t in names)

    def sv(self, s):
        return 'std::string_view(%s, %d)' % (cpp_string(s), len(s.encode('utf-8')))

    def same(self, var, s):
        """var == s, for a string_view var and a literal: see same() in the generated file."""
        return 'same(%s, %s, %d)' % (var, cpp_string(s), len(s.encode('utf-8')))

    def object_checks(self, node):
        props = node.get('properties', {})
        required = node.get('required', [])
        if not isinstance(props, dict) or not isinstance(required, list) or \
                not all(isinstance(r, str) for r in required):
            raise Unsupported('malformed properties or required')
        if not props and not required and 'additionalProperties' not in node:
            return ''
        names = list(props) + [r for r in dict.fromkeys(required) if r not in props]
        out = ['  if (v.is_object()) {\n']
        # evaluator::check_object walks every member when additionalProperties is there or
        # more than 8 names are known; otherwise it looks each name up (the last duplicate wins).
        if 'additionalProperties' in node or len(names) > 8:
            if len(names) > 64:
                raise Unsupported('more than 64 property names')
            extra = node.get('additionalProperties', True)
            mask = sum(1 << i for i, n in enumerate(names) if n in required)
            if mask:
                out.append('    std::uint64_t seen = 0;\n')
            out.append('    for (const json_member m : v.members()) {\n')
            out.append('      const std::string_view k = m.key;\n')
            for i, n in enumerate(names):
                out.append('      %sif (%s) {\n' % ('' if i == 0 else '} else ', self.same('k', n)))
                if mask:
                    out.append('        seen |= std::uint64_t{1} << %d;\n' % i)
                if n in props:
                    out.append('        if (!%s(m.value)) return false;\n' % self.check(props[n]))
                    out.append('        continue;\n')
            if names:
                out.append('      }\n')
            if extra is False:
                out.append('      return false;\n')
            elif extra is not True:
                out.append('      if (!%s(m.value)) return false;\n' % self.check(extra))
            out.append('    }\n')
            if mask:
                out.append('    if ((seen & 0x%xull) != 0x%xull) return false;\n' % (mask, mask))
        else:
            for n in names:
                out.append('    {\n      const json_value p = v.find(%s);\n' % self.sv(n))
                if n in props:
                    if n in required:
                        out.append('      if (!p.exists() || !%s(p)) return false;\n' % self.check(props[n]))
                    else:
                        out.append('      if (p.exists() && !%s(p)) return false;\n' % self.check(props[n]))
                else:
                    out.append('      if (!p.exists()) return false;\n')
                out.append('    }\n')
        out.append('  }\n')
        return ''.join(out)

    def array_checks(self, node):
        out = []
        if 'items' in node:
            if isinstance(node['items'], list):
                raise Unsupported('tuple items')
            out.append('    for (const json_value item : v.items()) if (!%s(item)) return false;\n' %
                       self.check(node['items']))
        if 'minItems' in node:
            out.append('    if (v.size() < %s) return false;\n' % count_literal(node['minItems']))
        if 'maxItems' in node:
            out.append('    if (v.size() > %s) return false;\n' % count_literal(node['maxItems']))
        if node.get('uniqueItems') is True:
            out.append('    if (find_duplicates(v, nullptr)) return false;\n')
        elif node.get('uniqueItems', False) is not False:
            raise Unsupported('uniqueItems that is not a boolean')
        return '  if (v.is_array()) {\n%s  }\n' % ''.join(out) if out else ''

    def string_checks(self, node):
        out = []
        if 'minLength' in node or 'maxLength' in node:
            out.append('    const std::size_t length = count_code_points(s);\n')
            if 'minLength' in node:
                out.append('    if (length < %s) return false;\n' % count_literal(node['minLength']))
            if 'maxLength' in node:
                out.append('    if (length > %s) return false;\n' % count_literal(node['maxLength']))
        if 'pattern' in node:
            if not isinstance(node['pattern'], str):
                raise Unsupported('a pattern that is not a string')
            self.regexes.append(node['pattern'])
            out.append('    static const std::int32_t re = regex_compile(%s);\n' % self.sv(node['pattern']))
            out.append('    if (!regex_search(re, s)) return false;\n')
        if 'format' in node:
            check = {'email': 'is_email', 'uuid': 'is_uuid', 'regex': 'is_regex'}.get(node['format'])
            if check:
                out.append('    if (!%s(s)) return false;\n' % check)
            elif not isinstance(node['format'], str):
                raise Unsupported('a format that is not a string')
            # Other formats are annotations to the interpreter too (schema_compiler.cpp).
        if not out:
            return ''
        return '  if (v.is_string()) {\n    const std::string_view s = v.as_string();\n%s  }\n' % ''.join(out)

    def number_checks(self, node):
        out = []
        for k, op in (('minimum', '<'), ('maximum', '>'), ('exclusiveMinimum', '<='),
                      ('exclusiveMaximum', '>=')):
            if k in node:
                out.append('    if (d %s %s) return false;\n' % (op, number_literal(node[k])))
        if not out:
            return ''
        return '  if (v.is_number()) {\n    const double d = v.as_number();\n%s  }\n' % ''.join(out)

    # ---- issues: the full walk (evaluator<true>) for the nodes whose messages are fixed ----

    def rule(self, path, node, keyword):
        messages = node.get('x-messages', {})
        message = messages.get(keyword) if isinstance(messages, dict) else None
        if not isinstance(message, str):
            raise Unsupported('a %s failure without an x-messages sentence' % keyword)
        if path == '':
            raise Unsupported('a rule for the whole body')  # see fast_validate: none at ""
        code = node.get('x-code') or keyword
        entry = (path, code, message)
        if entry not in self.rules:
            self.rules.append(entry)
        return self.rules.index(entry)

    def emit(self, node, value, path, indent):
        """Statements that report node's failures on `value` (a json_value expression)."""
        if node is True:
            return ''
        if not isinstance(node, dict):
            raise Unsupported('a warning schema that is not an object')
        allowed = ANNOTATIONS | {'properties', 'uniqueItems', 'allOf', 'not', 'if', 'then', 'else'}
        for k in node:
            if k not in allowed:
                raise Unsupported('warning keyword ' + k)
        pad = ' ' * indent
        out = []
        props = node.get('properties', {})
        if props:
            if len(props) > 8:
                raise Unsupported('a warning object with more than 8 properties')
            out.append('%sif (%s.is_object()) {\n' % (pad, value))
            for name, sub in props.items():
                var = 'p%d' % indent
                out.append('%s  if (const json_value %s = %s.find(%s); %s.exists()) {\n' % (
                    pad, var, value, self.sv(name), var))
                out.append(self.emit(sub, var, path + '/' + pointer_token(name), indent + 4))
                out.append('%s  }\n' % pad)
            out.append('%s}\n' % pad)
        if node.get('uniqueItems') is True:
            r = self.rule(path, node, 'uniqueItems')
            out.append('%sif (%s.is_array() && find_duplicates(%s, nullptr)) {\n' % (pad, value, value))
            out.append('%s  thread_local std::vector<std::size_t> later;\n' % pad)
            out.append('%s  later.clear();\n%s  find_duplicates(%s, &later);\n' % (pad, pad, value))
            out.append('%s  for (std::size_t at : later) out.warn(%d, static_cast<std::int32_t>(at));\n' % (pad, r))
            out.append('%s}\n' % pad)
        for sub in node.get('allOf', []):
            out.append(self.emit(sub, value, path, indent))
        if 'not' in node:
            r = self.rule(path, node, 'not')
            out.append('%sif (%s(%s)) out.warn(%d);\n' % (pad, self.check(node['not']), value, r))
        if 'if' in node:
            then = self.emit(node.get('then', True), value, path, indent + 2)
            otherwise = self.emit(node.get('else', True), value, path, indent + 2)
            out.append('%sif (%s(%s)) {\n%s' % (pad, self.check(node['if']), value, then))
            out.append('%s} else {\n%s%s}\n' % (pad, otherwise, pad) if otherwise else '%s}\n' % pad)
        return ''.join(out)

    # ---- the endpoint's entry ----

    def root_defaults(self):
        """[(name, json)] of the root's property defaults; Unsupported if any other node has one."""
        root = self.schema
        found = []
        for name, sub in (root.get('properties', {}) if isinstance(root, dict) else {}).items():
            if isinstance(sub, dict) and 'default' in sub:
                value = sub['default']
                # Only where to_json's text is certain: numbers keep their source spelling
                # there ("1.50"), strings are escaped by its rules.
                plain = isinstance(value, str) and all(0x20 <= ord(c) < 0x7f and c not in '"\\' for c in value)
                if not (plain or value is None or isinstance(value, bool)):
                    raise Unsupported('a default other than plain text, true, false or null')
                text = json.dumps(value)
                found.append((name, text))

        def nested(node, at_root):
            if isinstance(node, dict):
                if 'default' in node and not at_root:
                    raise Unsupported('a default below the root object')
                for k, v in node.items():
                    if k in ANNOTATIONS:
                        continue
                    if k == 'properties' and node is root:
                        for sub in v.values():
                            if isinstance(sub, dict):
                                nested({k2: v2 for k2, v2 in sub.items() if k2 != 'default'}, False)
                    else:
                        nested(v, False)
            elif isinstance(node, list):
                for v in node:
                    nested(v, False)
        nested(root, True)
        if len(found) > 32:
            raise Unsupported('more than 32 defaults')
        return found

    def entry(self):
        defaults = self.root_defaults()
        lines = ['bool %s_check(const json_value& v, fast_verdict& out) {\n' % self.prefix]
        root = self.schema
        messages = root.get('x-messages', {}) if isinstance(root, dict) else {}
        several = isinstance(root, dict) and 'oneOf' in root and isinstance(messages.get('oneOf'), str)
        if several:
            # The root without its oneOf, and the oneOf's matches: valid is one match.
            lines.append('  const bool rest = %s(v);\n' % self.check(root, skip_one_of=True))
            lines.append('  const int matches = rest ? %s : 0;\n' % self.match_count(root['oneOf']))
            lines.append('  if (rest && matches == 1) {\n    out.valid = true;\n')
        else:
            lines.append('  if (%s(v)) {\n    out.valid = true;\n' % self.check(root))
        if defaults:
            lines.append('    if (v.is_object()) {\n')
            for i, (name, _) in enumerate(defaults):
                lines.append('      if (!v.find(%s).exists()) out.defaults |= 1u << %d;\n' % (self.sv(name), i))
            lines.append('    }\n')
        lines.append('  }')
        if several:
            # evaluator::check_one_of: a second matching branch fails the root with x-messages'
            # sentence; everything else being valid, that is the only error, and the root,
            # having an error, gets no defaults.
            entry = ('', root.get('x-code') or 'oneOf', messages['oneOf'])
            if entry not in self.rules:
                self.rules.append(entry)
            lines.append(' else if (matches >= 2) {\n    out.error(%d);\n  }' % self.rules.index(entry))
        lines.append(' else {\n    return false;\n  }\n')
        if self.warning_schema is not None:
            try:
                emitted = self.emit(self.warning_schema, 'v', '', 4)
                lines.append('  if (!%s(v)) {\n%s  }\n' % (self.check(self.warning_schema), emitted))
            except Unsupported as why:
                # Bodies without warnings keep the fast path; the others go to the interpreter.
                lines.append('  // warnings: %s\n' % why)
                lines.append('  if (!%s(v)) return false;\n' % self.check(self.warning_schema))
        lines.append('  return true;\n}\n')
        self.functions.append(''.join(lines))
        return defaults


def generate(paths):
    parts = []
    table = []
    for path in sorted(paths):
        with open(path, encoding='utf-8') as f:
            description = json.load(f)
        e = Endpoint(description)
        try:
            if e.schema is None:
                raise Unsupported('no schema')
            defaults = e.entry()
        except Unsupported as why:
            parts.append('// %s: no fast path (%s)\n' % (e.id, why))
            continue
        decls = ''.join('bool %s(const json_value& v);\n' % n for n in e.bodies.values())
        rules = ''.join('    {%s, %s, %s},\n' % (e.sv(p), e.sv(c), e.sv(m)) for p, c, m in e.rules)
        defs = ''.join('    {%s, %s},\n' % (e.sv(n), e.sv(j)) for n, j in defaults)
        parts.append('// ---- %s ----\n%s\n%s' % (e.id, decls, '\n'.join(e.functions)))
        parts.append('constexpr fast_rule %s_rules[] = {\n%s    {}};\n' % (e.prefix, rules))
        parts.append('constexpr fast_default %s_defaults[] = {\n%s    {}};\n\n' % (e.prefix, defs))
        table.append('    {%s, %s_check, %s_rules, %d, %s_defaults, %d},\n' % (
            e.sv(e.id), e.prefix, e.prefix, len(e.rules), e.prefix, len(defaults)))
    return ('// Generated by scripts/gen_fast_paths.py from src/endpoints/*.json. Do not edit.\n'
            '#include <cstdint>\n#include <vector>\n\n'
            '#include "detail/fast_path.h"\n#include "detail/schema_format.h"\n'
            '#include "detail/schema_unique.h"\n#include "regex_engine.h"\n\n'
            'namespace invitekit::detail {\nnamespace {\n\n' + SAME + ''.join(parts) +
            '}  // namespace\n\n'
            'const fast_endpoint* find_fast_endpoint(std::string_view id) {\n'
            '  static constexpr fast_endpoint all[] = {\n' + ''.join(table) + '  };\n'
            '  for (const fast_endpoint& e : all)\n    if (e.id == id) return &e;\n'
            '  return nullptr;\n}\n\n}  // namespace invitekit::detail\n')


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: gen_fast_paths.py OUTPUT.cpp endpoint.json ...')
    text = generate(sys.argv[2:])
    with open(sys.argv[1], 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()

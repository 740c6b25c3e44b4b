#!/usr/bin/env python3
"""Writes fast_paths.cpp: each endpoint's schemas as straight-line C++ (see src/detail/fast_path.h).

    python3 scripts/gen_fast_paths.py OUTPUT.cpp src/endpoints/a.json src/endpoints/b.json ...
    python3 scripts/gen_fast_paths.py --lookup NAME OUTPUT.cpp ...   (tests: another lookup name)

The build runs it (src/CMakeLists.txt), so the endpoint descriptions stay the one source of
truth. For each endpoint it writes a reader of the JSON text that follows the schema: every
object becomes a struct of what was read (its "facts") and a function that reads it, checking
each value as it passes with the interpreter's exact semantics (schema_eval.cpp) and helpers
(is_email, count_code_points, regex_search); applicators and warnings are then decided on the
facts. Whatever the schema holds that this file does not know makes the endpoint's fast path
unsure for every body; whatever a body holds that the reader does not read makes it unsure for
that body. Neither is ever a wrong answer: when in doubt, raise Unsupported.
"""
import json
import sys

# Annotations: keywords that never fail. x-code and x-messages only name what a failure says.
ANNOTATIONS = {'$schema', '$comment', 'title', 'description', 'examples', 'default',
               'readOnly', 'writeOnly', 'x-code', 'x-messages'}
STRING_KEYWORDS = {'minLength', 'maxLength', 'pattern', 'format'}
NUMBER_KEYWORDS = {'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'}
ARRAY_KEYWORDS = {'items', 'minItems', 'maxItems', 'uniqueItems'}
OBJECT_KEYWORDS = {'properties', 'required', 'additionalProperties'}
APPLICATORS = {'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else'}
FORMATS = {'email': 'is_email', 'uuid': 'is_uuid', 'regex': 'is_regex'}

# A key or enum word against a literal. The generated code compares strings more than it does
# anything else, and at -Oz (the npm package) string_view's == is three nested calls down to
# memcmp; here the length test and, up to 16 bytes, two overlapping word loads against constants
# are inlined at each comparison, so a key of another length costs one test and no call.
SAME = '''[[maybe_unused]] std::uint32_t load4(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

[[maybe_unused]] std::uint64_t load8(const char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

[[maybe_unused]] bool same_bytes(const char* s, const char* literal, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    if (s[i] != literal[i]) return false;
  }
  return true;
}

template <std::size_t N>
[[gnu::always_inline]] inline bool same(std::string_view s, const char (&literal)[N]) {
  constexpr std::size_t n = N - 1;
  if (s.size() != n) return false;
  const char* p = s.data();
  if constexpr (n >= 8 && n <= 16) {
    return load8(p) == load8(literal) && load8(p + n - 8) == load8(literal + n - 8);
  } else if constexpr (n >= 4 && n < 8) {
    return load4(p) == load4(literal) && load4(p + n - 4) == load4(literal + n - 4);
  } else {
    return same_bytes(p, literal, n);
  }
}

'''


class Unsupported(Exception):
    """The generator cannot mirror this schema: the endpoint has no fast path."""


def cpp_string(s):
    """A C++ string literal for s (UTF-8 bytes, octal escapes for anything unusual)."""
    if not isinstance(s, str):
        raise Unsupported('a string keyword that is not a string')
    try:
        data = s.encode('utf-8')
    except UnicodeEncodeError:
        raise Unsupported('a string with a lone surrogate')
    out = []
    for b in data:
        c = chr(b)
        if c in '"\\':
            out.append('\\' + c)
        elif 0x20 <= b < 0x7f and c != '?':  # '?': no trigraph surprises
            out.append(c)
        else:
            out.append('\\%03o' % b)
    return '"' + ''.join(out) + '"'


def sv(s):
    literal = cpp_string(s)
    return 'std::string_view(%s, %d)' % (literal, len(s.encode('utf-8')))


def same(var, s):
    return 'same(%s, %s)' % (var, cpp_string(s))


def pointer_token(name):
    return name.replace('~', '~0').replace('/', '~1')


def number_literal(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Unsupported('a number keyword that is not a number')
    if isinstance(value, int):
        if abs(value) >= 2 ** 53:
            raise Unsupported('a limit beyond 2^53')  # its rounding is the interpreter's
        return repr(float(value))
    if value != value or value in (float('inf'), float('-inf')):
        raise Unsupported('a limit that is not finite')
    return repr(value)


def count_literal(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2 ** 32:
        raise Unsupported('a count that is not an integer from 0 to 2^32 - 1')
    return str(value) + 'u'


def keywords(node, allowed, what):
    if not isinstance(node, dict):
        raise Unsupported(what + ' that is not an object')
    for k in node:
        if k not in allowed and k not in ANNOTATIONS:
            raise Unsupported('%s with keyword %s' % (what, k))


def types_of(node):
    t = node.get('type')
    names = [t] if isinstance(t, str) else t
    if not isinstance(names, list) or not names:
        raise Unsupported('a type keyword it does not know')
    return names


class Shape:
    """What the reader records of one value: its kind, and for objects and arrays their parts.

    kind: 'string' (a std::string_view), 'number' (a double read from an integer), 'array'
    (a fast_list of its items' facts) or 'object' (a generated struct).
    """

    def __init__(self, kind, node, ctype, item=None, props=None, names=None, struct=None):
        self.kind, self.node, self.ctype = kind, node, ctype
        self.item = item                 # arrays: the items' Shape
        self.props = props or {}         # objects: name -> Shape
        self.names = names or []         # objects: properties, then required-only names
        self.struct = struct             # objects: the struct's name

    def bit(self, name):
        return '(std::uint64_t{1} << %d)' % self.names.index(name)


class Endpoint:
    """The C++ for one endpoint: readers, conditions, warnings, fixed rules, root defaults."""

    def __init__(self, description):
        self.id = description['id']
        self.prefix = 'e_' + ''.join(c if c.isalnum() else '_' for c in self.id)
        self.schema = description.get('schema')
        self.warning_schema = description.get('warningSchema')
        self.structs = []     # struct definitions, inner ones first
        self.functions = []   # function definitions
        self.declarations = []
        self.bodies = {}      # (signature, body) -> function name: equal functions are shared
        self.rules = []       # (path, code, message)

    def function(self, kind, params, body):
        """A function `bool f(params) { body }`, shared with an equal one already written."""
        key = (params, body)
        if key not in self.bodies:
            name = '%s_%s%d' % (self.prefix, kind, len(self.bodies))
            self.bodies[key] = name
            self.declarations.append('bool %s(%s);\n' % (name, params))
            self.functions.append('bool %s(%s) {\n%s}\n' % (name, params, body))
        return self.bodies[key]

    # ---- shapes: what the schema lets the reader read ----

    def shape(self, node):
        """The Shape of values that `node` (a property's or item's schema) accepts."""
        if isinstance(node, dict) and node.get('type') == 'object':
            return self.object_shape(node)  # which may have applicators of its own
        keywords(node, {'type', 'enum', 'const'} | STRING_KEYWORDS | NUMBER_KEYWORDS |
                 ARRAY_KEYWORDS, 'a property schema')
        names = types_of(node)
        if len(names) != 1:
            raise Unsupported('a value of several types')
        t = names[0]
        if t == 'string':
            return Shape('string', node, 'std::string_view')
        if t in ('integer', 'number'):
            return Shape('number', node, 'double')
        if t == 'array':
            if 'items' not in node or isinstance(node['items'], list):
                raise Unsupported('an array without one items schema')
            item = self.shape(node['items'])
            if item.kind not in ('string', 'number'):
                raise Unsupported('an array of arrays or objects')
            return Shape('array', node, 'fast_list<%s>' % item.ctype, item=item)
        if t == 'object':
            return self.object_shape(node)
        raise Unsupported('a value of type ' + t)

    def object_shape(self, node):
        keywords(node, {'type'} | OBJECT_KEYWORDS | APPLICATORS, 'an object schema')
        if types_of(node) != ['object'] or node.get('additionalProperties', True) is not False:
            raise Unsupported('an object that allows other properties')
        props = node.get('properties', {})
        required = node.get('required', [])
        if not isinstance(props, dict) or not isinstance(required, list) or \
                not all(isinstance(r, str) for r in required):
            raise Unsupported('malformed properties or required')
        names = list(props) + [r for r in dict.fromkeys(required) if r not in props]
        if len(names) > 64:
            raise Unsupported('more than 64 property names')
        shape = Shape('object', node, '', props={n: self.shape(s) for n, s in props.items()},
                      names=names)
        shape.struct = shape.ctype = '%s_o%d' % (self.prefix, len(self.structs))
        fields = ''.join('  %s f%d;  // %s\n' % (shape.props[n].ctype, i, json.dumps(n))
                         for i, n in enumerate(names) if n in shape.props)
        self.structs.append('struct %s {\n  std::uint64_t seen = 0;  // bit i: names[i] was read\n%s};\n' % (
            shape.struct, fields))
        return shape

    def field(self, shape, name):
        return 'f%d' % shape.names.index(name)

    # ---- reading: every check of the value's own schema, as it is read ----

    def read(self, shape, dest, pad):
        """Statements that read one value into `dest`, or return false (unsure)."""
        node = shape.node
        out = []
        if shape.kind == 'string':
            out.append('if (!in.string(%s)) return false;' % dest)
            cond = self.string_value_checks(node, dest)
            if cond != 'true':
                out.append('if (!(%s)) return false;' % cond)
        elif shape.kind == 'number':
            out.append('if (!in.integer(%s)) return false;' % dest)
            cond = self.number_value_checks(node, dest)
            if cond != 'true':
                out.append('if (!(%s)) return false;' % cond)
        elif shape.kind == 'array':
            out.append("if (!in.take('[')) return false;")
            out.append("if (!in.take(']')) {")
            out.append('  for (;;) {')
            out.append('    %s item;' % shape.item.ctype)
            out.extend('    ' + line for line in self.read(shape.item, 'item', ''))
            out.append('    if (!%s.push(item)) return false;' % dest)
            out.append("    if (in.take(',')) continue;")
            out.append("    if (in.take(']')) break;")
            out.append('    return false;')
            out.append('  }')
            out.append('}')
            cond = self.array_value_checks(node, shape, dest)
            if cond != 'true':
                out.append('if (!(%s)) return false;' % cond)
        else:
            out.append('if (!%s(in, %s)) return false;' % (self.reader(shape), dest))
        return [pad + line for line in out]

    def reader(self, shape, root=False):
        """The function that reads an object of this shape (root: its applicators are left to
        the entry, which tells a oneOf's errors apart)."""
        body = ["  if (!in.take('{')) return false;", "  if (!in.take('}')) {", '    for (;;) {',
                '      std::string_view k;', "      if (!in.string(k) || !in.take(':')) return false;"]
        for i, name in enumerate(shape.names):
            if name not in shape.props:
                continue  # named only by required: additionalProperties rejects it
            body.append('      %sif (%s) {' % ('} else ' if i else '', same('k', name)))
            # A repeated key is the interpreter's to judge (each duplicate is checked there).
            body.append('        if (o.seen & %s) return false;' % shape.bit(name))
            body.append('        o.seen |= %s;' % shape.bit(name))
            body.extend(self.read(shape.props[name], 'o.' + self.field(shape, name), '        '))
        if shape.props:
            body.append('      } else {\n        return false;  // additionalProperties: false\n      }')
        else:
            body.append('      return false;  // additionalProperties: false')
        body += ["      if (in.take(',')) continue;", "      if (in.take('}')) break;",
                 '      return false;', '    }', '  }']
        required = [r for r in shape.node.get('required', [])]
        if required:
            mask = ' | '.join(shape.bit(r) for r in dict.fromkeys(required))
            body.append('  if ((o.seen & (%s)) != (%s)) return false;' % (mask, mask))
        if not root:
            cond = self.applicators(shape.node, shape, 'o')
            if cond != 'true':
                body.append('  if (!(%s)) return false;' % cond)
        body.append('  return true;')
        return self.function('read', 'json_scanner& in, %s& o' % shape.struct, '\n'.join(body) + '\n')

    # The value's own checks, for a value of the shape's kind (the type already matched).

    def string_value_checks(self, node, x):
        conds = []
        if 'enum' in node:
            values = node['enum']
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise Unsupported('an enum of non-strings')
            conds.append('(' + (' || '.join(same(x, v) for v in values) or 'false') + ')')
        if 'const' in node:
            if not isinstance(node['const'], str):
                raise Unsupported('a const that is not a string')
            conds.append(same(x, node['const']))
        if 'minLength' in node:
            conds.append('count_code_points(%s) >= %s' % (x, count_literal(node['minLength'])))
        if 'maxLength' in node:
            # A string has at most as many code points as bytes: most need no counting.
            limit = count_literal(node['maxLength'])
            conds.append('(%s.size() <= %s || count_code_points(%s) <= %s)' % (x, limit, x, limit))
        if 'pattern' in node:
            if not isinstance(node['pattern'], str):
                raise Unsupported('a pattern that is not a string')
            conds.append(self.function('re', 'std::string_view s', (
                '  static const std::int32_t re = regex_compile(%s);\n'
                '  return regex_search(re, s);\n') % sv(node['pattern'])) + '(%s)' % x)
        if 'format' in node:
            if not isinstance(node['format'], str):
                raise Unsupported('a format that is not a string')
            if node['format'] in FORMATS:
                conds.append('%s(%s)' % (FORMATS[node['format']], x))
            # Other formats are annotations to the interpreter too (schema_compiler.cpp).
        return ' && '.join(conds) or 'true'

    def number_value_checks(self, node, x):
        conds = []
        for k, op in (('minimum', '>='), ('maximum', '<='), ('exclusiveMinimum', '>'),
                      ('exclusiveMaximum', '<')):
            if k in node:
                conds.append('%s %s %s' % (x, op, number_literal(node[k])))
        if 'enum' in node or 'const' in node:
            conds.append('false')  # read: unsure (enums of strings only); holds refuses these
        return ' && '.join(conds) or 'true'

    def array_value_checks(self, node, shape, x):
        conds = []
        if 'minItems' in node:
            conds.append('%s.count >= %s' % (x, count_literal(node['minItems'])))
        if 'maxItems' in node:
            conds.append('%s.count <= %s' % (x, count_literal(node['maxItems'])))
        if node.get('uniqueItems') is True:
            conds.append('!%s.duplicates([](std::uint32_t) {})' % x)
        elif node.get('uniqueItems', False) is not False:
            raise Unsupported('uniqueItems that is not a boolean')
        if 'enum' in node or 'const' in node:
            conds.append('false')
        return ' && '.join(conds) or 'true'

    # ---- conditions: a subschema applied to a value that was read (evaluator<false>) ----

    def holds(self, node, shape, x):
        """A C++ expression: whether the value `x` (of `shape`) is valid against `node`. Each
        subschema is a function of its own, `bool f(const T& x)`: conditions repeat (an "if"
        tests a field as its property schema does) and are then shared."""
        if node is True:
            return 'true'
        if node is False:
            return 'false'
        body = self.holds_body(node, shape)
        if body == 'true' or body == 'false':
            return body
        return self.function('c', 'const %s& x' % shape.ctype, '  return %s;\n' % body) + '(%s)' % x

    def holds_body(self, node, shape):
        x = 'x'
        keywords(node, {'type', 'enum', 'const'} | STRING_KEYWORDS | NUMBER_KEYWORDS |
                 ARRAY_KEYWORDS | OBJECT_KEYWORDS | APPLICATORS, 'a subschema')
        if ('enum' in node or 'const' in node) and shape.kind != 'string':
            # Reading a value, an enum of strings fails it (number_value_checks: unsure); in a
            # condition a number could still equal a numeric enum value, which is not written.
            raise Unsupported('an enum or const on a value other than a string, in a condition')
        conds = []
        if 'type' in node:
            accepted = {'string': {'string'}, 'number': {'integer', 'number'},
                        'array': {'array'}, 'object': {'object'}}[shape.kind]
            if not accepted & set(types_of(node)):
                return 'false'
        if shape.kind == 'string':
            conds.append(self.string_value_checks(node, x))
        elif shape.kind == 'number':
            conds.append(self.number_value_checks(node, x))
        elif shape.kind == 'array':
            conds.append(self.array_value_checks(node, shape, x))
            if 'items' in node:
                item = self.holds(node['items'], shape.item, 'v.items[i]')
                conds.append(self.function('all', 'const %s& v' % shape.ctype, (
                    '  for (std::uint32_t i = 0; i < v.count; ++i) {\n'
                    '    if (!(%s)) return false;\n  }\n  return true;\n') % item) + '(%s)' % x)
        else:
            conds.append(self.object_holds(node, shape, x))
        conds.append(self.applicators(node, shape, x))
        conds = [c for c in conds if c != 'true']
        if 'false' in conds:
            return 'false'
        return ' && '.join(conds) or 'true'

    def object_holds(self, node, shape, x):
        conds = []
        for name, sub in node.get('properties', {}).items():
            if name in shape.props:  # any other name cannot be present: the reader refused it
                c = self.holds(sub, shape.props[name], '%s.%s' % (x, self.field(shape, name)))
                if c != 'true':
                    conds.append('(!(%s.seen & %s) || %s)' % (x, shape.bit(name), c))
        for name in node.get('required', []):
            conds.append('(%s.seen & %s) != 0' % (x, shape.bit(name)) if name in shape.props else 'false')
        extra = node.get('additionalProperties', True)
        if extra is False:
            listed = [n for n in node.get('properties', {}) if n in shape.names]
            mask = ' | '.join(shape.bit(n) for n in listed) or '0'
            conds.append('(%s.seen & ~(%s)) == 0' % (x, mask))
        elif extra is not True:
            raise Unsupported('an additionalProperties schema in a subschema')
        return ' && '.join(conds) or 'true'

    def applicators(self, node, shape, x, skip_one_of=False):
        conds = [self.holds(s, shape, x) for s in node.get('allOf', [])]
        if 'anyOf' in node:
            conds.append('(' + (' || '.join(self.holds(s, shape, x) for s in node['anyOf']) or 'false') + ')')
        if 'oneOf' in node and not skip_one_of:
            conds.append('%s == 1' % self.matches(node['oneOf'], shape, x))
        if 'not' in node:
            conds.append('!(%s)' % self.holds(node['not'], shape, x))
        if 'if' in node:
            conds.append('(%s ? %s : %s)' % (self.holds(node['if'], shape, x),
                                             self.holds(node.get('then', True), shape, x),
                                             self.holds(node.get('else', True), shape, x)))
        conds = [c for c in conds if c != 'true']
        return ' && '.join(conds) or 'true'

    def matches(self, branches, shape, x):
        return '(' + ' + '.join('int(%s)' % self.holds(s, shape, x) for s in branches) + ')'

    # ---- warnings: the full walk (evaluator<true>) of nodes whose messages are fixed ----

    def rule(self, path, node, keyword):
        messages = node.get('x-messages', {})
        message = messages.get(keyword) if isinstance(messages, dict) else None
        if not isinstance(message, str):
            raise Unsupported('a %s failure without an x-messages sentence' % keyword)
        if path == '':
            # Not written: a root warning is hidden by a root error (hides_warning("", "")),
            # which fast_decide handles, but nothing here needs one yet.
            raise Unsupported('a rule for the whole body')
        entry = (path, node.get('x-code') or keyword, message)
        if entry not in self.rules:
            self.rules.append(entry)
        return self.rules.index(entry)

    def emit(self, node, shape, x, path, pad):
        """Statements that report, in the full walk's order, node's failures on the value x."""
        if node is True:
            return ''
        keywords(node, {'properties', 'uniqueItems'} | APPLICATORS - {'anyOf', 'oneOf'}, 'a warning schema')
        if len(node.get('properties', {})) > 8:
            # The full walk then reports in the body's member order (walk_members), not the
            # schema's.
            raise Unsupported('a warning object with more than 8 properties')
        out = []
        # evaluator::eval_node: the value's own checks (objects, arrays), then the applicators.
        if shape.kind == 'object':
            for name, sub in node.get('properties', {}).items():
                if name not in shape.props:
                    continue
                inner = self.emit(sub, shape.props[name], '%s.%s' % (x, self.field(shape, name)),
                                  path + '/' + pointer_token(name), pad + '  ')
                if inner:
                    out.append('%sif (%s.seen & %s) {\n%s%s}\n' % (pad, x, shape.bit(name), inner, pad))
        if shape.kind == 'array' and node.get('uniqueItems') is True:
            r = self.rule(path, node, 'uniqueItems')
            out.append('%s%s.duplicates([&](std::uint32_t at) { out.warn(%d, static_cast<std::int32_t>(at)); });\n' % (
                pad, x, r))
        for sub in node.get('allOf', []):
            out.append(self.emit(sub, shape, x, path, pad))
        if 'not' in node:
            r = self.rule(path, node, 'not')
            cond = self.holds(node['not'], shape, x)
            if cond == 'true':
                out.append('%sout.warn(%d);\n' % (pad, r))
            elif cond != 'false':
                out.append('%sif (%s) out.warn(%d);\n' % (pad, cond, r))
        if 'if' in node:
            then = self.emit(node.get('then', True), shape, x, path, pad + '  ')
            otherwise = self.emit(node.get('else', True), shape, x, path, pad + '  ')
            if then or otherwise:
                out.append('%sif (%s) {\n%s%s}' % (pad, self.holds(node['if'], shape, x), then, pad))
                out.append(' else {\n%s%s}\n' % (otherwise, pad) if otherwise else '\n')
        return ''.join(out)

    # ---- the endpoint's entry ----

    def root_defaults(self, root):
        """[(name, json)] of the root's property defaults; Unsupported if any other node has one."""
        found = []
        for name, sub in root.get('properties', {}).items():
            if isinstance(sub, dict) and 'default' in sub:
                value = sub['default']
                # Only where to_json's text is certain: numbers keep their source spelling
                # there ("1.50"), strings are escaped by its rules.
                plain = isinstance(value, str) and all(0x20 <= ord(c) < 0x7f and c not in '"\\' for c in value)
                if not (plain or value is None or isinstance(value, bool)):
                    raise Unsupported('a default other than plain text, true, false or null')
                found.append((name, json.dumps(value)))

        def below(node):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k == 'default':
                        raise Unsupported('a default below the root object')
                    if k not in ANNOTATIONS:
                        below(v)
            elif isinstance(node, list):
                for v in node:
                    below(v)
        for k, v in root.items():
            if k == 'properties':
                for sub in v.values():
                    if isinstance(sub, dict):
                        below({k2: v2 for k2, v2 in sub.items() if k2 != 'default'})
            elif k not in ANNOTATIONS:
                below(v)
        if len(found) > 32:
            raise Unsupported('more than 32 defaults')
        return found

    def entry(self):
        root = self.schema
        keywords(root, {'type'} | OBJECT_KEYWORDS | APPLICATORS, 'a root schema')
        shape = self.object_shape(root)
        defaults = self.root_defaults(root)
        lines = ['bool %s_scan(std::string_view text, fast_verdict& out) {' % self.prefix,
                 '  json_scanner in(text);', '  %s o;' % shape.struct,
                 '  if (!%s(in, o) || !in.at_end()) return false;' % self.reader(shape, root=True)]
        messages = root.get('x-messages', {})
        several = 'oneOf' in root and isinstance(messages, dict) and isinstance(messages.get('oneOf'), str)
        if several:
            # evaluator::check_one_of: a second matching branch fails the root with x-messages'
            # sentence; everything else being valid, that is the only error, and the root,
            # having an error, gets no defaults.
            entry = ('', root.get('x-code') or 'oneOf', messages['oneOf'])
            if entry not in self.rules:
                self.rules.append(entry)
            rest = self.applicators(root, shape, 'o', skip_one_of=True)
            if rest != 'true':
                lines.append('  if (!(%s)) return false;' % rest)
            lines.append('  const int matches = %s;' % self.matches(root['oneOf'], shape, 'o'))
            lines.append('  if (matches >= 2) {\n    out.error(%d);\n  } else if (matches == 1) {' %
                         self.rules.index(entry))
        else:
            cond = self.applicators(root, shape, 'o')
            lines.append('  if (!(%s)) return false;\n  {' % cond if cond != 'true' else '  {')
        lines.append('    out.valid = true;')
        for i, (name, _) in enumerate(defaults):
            lines.append('    if (!(o.seen & %s)) out.defaults |= 1u << %d;' % (shape.bit(name), i))
        lines.append('  }' if not several else '  } else {\n    return false;\n  }')
        if self.warning_schema is not None:
            try:
                lines.append(self.emit(self.warning_schema, shape, 'o', '', '  ').rstrip('\n'))
            except Unsupported as why:
                # Bodies without warnings keep the fast path; the others go to the interpreter.
                lines.append('  // warnings: %s' % why)
                lines.append('  if (!(%s)) return false;' % self.holds(self.warning_schema, shape, 'o'))
        lines.append('  return true;\n}\n')
        self.functions.append('\n'.join(lines))
        return defaults


def generate(paths, lookup='find_fast_endpoint'):
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
            parts.append('// %s: no fast path (%s)\n\n' % (e.id, why))
            continue
        rules = ''.join('    {%s, %s, %s},\n' % (sv(p), sv(c), sv(m)) for p, c, m in e.rules)
        defs = ''.join('    {%s, %s},\n' % (sv(n), sv(j)) for n, j in defaults)
        parts.append('// ---- %s ----\n\n%s\n%s\n%s\n' % (
            e.id, '\n'.join(e.structs), ''.join(e.declarations), '\n'.join(e.functions)))
        parts.append('constexpr fast_rule %s_rules[] = {\n%s    {}};\n' % (e.prefix, rules))
        parts.append('constexpr fast_default %s_defaults[] = {\n%s    {}};\n\n' % (e.prefix, defs))
        table.append('    {%s, %s_scan, %s_rules, %d, %s_defaults, %d},\n' % (
            sv(e.id), e.prefix, e.prefix, len(e.rules), e.prefix, len(defaults)))
    return ('// Generated by scripts/gen_fast_paths.py from src/endpoints/*.json. Do not edit.\n'
            '#include <cstdint>\n#include <cstring>\n\n'
            '#include "detail/fast_path.h"\n#include "detail/schema_format.h"\n'
            '#include "regex_engine.h"\n\n'
            'namespace invitekit::detail {\nnamespace {\n\n' + SAME + ''.join(parts) +
            '}  // namespace\n\n'
            'const fast_endpoint* ' + lookup + '(std::string_view id) {\n'
            '  static constexpr fast_endpoint all[] = {\n' + ''.join(table) + '  };\n'
            '  for (const fast_endpoint& e : all)\n    if (e.id == id) return &e;\n'
            '  return nullptr;\n}\n\n}  // namespace invitekit::detail\n')


def main():
    args = sys.argv[1:]
    lookup = 'find_fast_endpoint'
    if args[:1] == ['--lookup'] and len(args) > 1:
        lookup, args = args[1], args[2:]
    if not args:
        sys.exit('usage: gen_fast_paths.py [--lookup NAME] OUTPUT.cpp endpoint.json ...')
    text = generate(args[1:], lookup)
    with open(args[0], 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()

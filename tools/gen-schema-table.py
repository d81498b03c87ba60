#!/usr/bin/env python3
"""Generates frontend/schema_table.c from Argo Workflows' JSON schema.

    tools/gen-schema-table.py SCHEMA_JSON > frontend/schema_table.c

SCHEMA_JSON is api/jsonschema/schema.json of argoproj/argo-workflows. Every
definition reachable from Workflow, WorkflowTemplate, ClusterWorkflowTemplate
and CronWorkflow becomes one type of a compact, constant table (a string pool
and index arrays) that frontend/schema.c reads. Python 3 standard library
only; the output depends on the schema alone.

The JSON schema says less than Argo's Go types accept, so a few types are
classified by name (see the tables below); the generator fails when one of
them is no longer where it expects it, rather than guess.
"""
import hashlib
import json
import sys

PREFIX = '#/definitions/'
ARGO = 'io.argoproj.workflow.v1alpha1.'

ROOTS = [ARGO + k for k in ('ClusterWorkflowTemplate', 'CronWorkflow',
                            'Workflow', 'WorkflowTemplate')]

# enum wfc_skind in frontend/schema.h.
KINDS = {
    'object': 'WFC_SK_OBJECT',
    'array': 'WFC_SK_ARRAY',
    'map': 'WFC_SK_MAP',
    'string': 'WFC_SK_STRING',
    'integer': 'WFC_SK_INTEGER',
    'number': 'WFC_SK_NUMBER',
    'boolean': 'WFC_SK_BOOLEAN',
    'int-or-string': 'WFC_SK_INT_OR_STRING',
    'quantity': 'WFC_SK_QUANTITY',
    'any-string': 'WFC_SK_ANY_STRING',
    'any': 'WFC_SK_ANY',
    'free-object': 'WFC_SK_FREE_OBJECT',
}

# Types whose custom JSON unmarshalling accepts more than the schema's
# "type": "string" says.
INT_OR_STRING = {'io.k8s.apimachinery.pkg.util.intstr.IntOrString'}
QUANTITY = {'io.k8s.apimachinery.pkg.api.resource.Quantity'}

# Argo's AnyString (a string that also accepts a number or a boolean) is
# published as a plain string; these are the fields of that Go type.
ANY_STRING_FIELDS = {
    (ARGO + 'Parameter', 'default'),
    (ARGO + 'Parameter', 'description'),
    (ARGO + 'Parameter', 'enum'),        # []AnyString
    (ARGO + 'Parameter', 'value'),
    (ARGO + 'ValueFrom', 'default'),
}

# "type": "object" with neither properties nor additionalProperties is
# free-form (Plugin, FieldsV1: raw JSON), except for these empty Go structs,
# which take no fields at all.
EMPTY_STRUCTS = {ARGO + k for k in ('NoneStrategy', 'RetryNodeAntiAffinity',
                                    'SuppliedValueFrom', 'ZipStrategy')}


def fail(msg):
    sys.stderr.write('gen-schema-table: %s\n' % msg)
    sys.exit(1)


class Gen:
    def __init__(self, defs):
        self.defs = defs
        # name -> {'kind', 'elem', 'fields': [(field, type name)], 'named'}
        self.types = {}
        self.used_special = set()

    def ref(self, s, where):
        r = s['$ref']
        if not r.startswith(PREFIX) or r[len(PREFIX):] not in self.defs:
            fail('%s: unresolved $ref %s' % (where, r))
        return r[len(PREFIX):]

    def definition(self, name):
        if name not in self.types:
            self.types[name] = None  # in progress: recursion ends here
            self.types[name] = self.shape(self.defs[name], name, name)
            self.types[name]['named'] = True
        return name

    def anonymous(self, name, t):
        t['named'] = False
        old = self.types.get(name)
        if old is not None and old != t:
            fail('two different types named %s' % name)
        self.types[name] = t
        return name

    def schema(self, s, where):
        """The type name of a property, item or map value schema."""
        if '$ref' in s:
            return self.definition(self.ref(s, where))
        t = self.shape(s, None, where)
        if t['kind'] == 'array':
            name = '[]' + t['elem']
        elif t['kind'] == 'map':
            name = 'map[string]' + t['elem']
        elif t['kind'] == 'object':
            fail('%s: inline object schemas are not supported' % where)
        else:
            name = t['kind']
        return self.anonymous(name, t)

    def shape(self, s, name, where):
        if name in INT_OR_STRING or s.get('format') == 'int-or-string' or \
                s.get('x-kubernetes-int-or-string'):
            self.used_special.add(name)
            return {'kind': 'int-or-string'}
        if name in QUANTITY:
            self.used_special.add(name)
            return {'kind': 'quantity'}
        typ = s.get('type')
        if isinstance(typ, list):
            fail('%s: union types are not supported' % where)
        if s.get('x-kubernetes-preserve-unknown-fields'):
            return {'kind': 'free-object' if typ == 'object' else 'any'}
        if typ is None:
            if 'properties' in s or 'items' in s or '$ref' in s:
                fail('%s: schema without a type' % where)
            return {'kind': 'any'}  # {}: Item, any JSON value
        if typ == 'object':
            if 'properties' in s:
                fields = []
                for f in sorted(s['properties']):
                    if '"' in f or '\\' in f or not f.isascii():
                        fail('%s: field name %r' % (where, f))
                    p = s['properties'][f]
                    if (name, f) in ANY_STRING_FIELDS:
                        fields.append((f, self.any_string(p, name + '.' + f)))
                    else:
                        fields.append((f, self.schema(p, '%s.%s' % (where, f))))
                return {'kind': 'object', 'fields': fields}
            ap = s.get('additionalProperties')
            if isinstance(ap, dict):
                return {'kind': 'map',
                        'elem': self.schema(ap, where + '{}')}
            if name in EMPTY_STRUCTS:
                self.used_special.add(name)
                return {'kind': 'object', 'fields': []}
            return {'kind': 'free-object'}
        if typ == 'array':
            if 'items' not in s:
                fail('%s: array without items' % where)
            return {'kind': 'array', 'elem': self.schema(s['items'], where + '[]')}
        if typ in ('string', 'integer', 'number', 'boolean'):
            return {'kind': typ}
        fail('%s: unknown type %r' % (where, typ))

    def any_string(self, p, where):
        self.used_special.add(where)
        if p.get('type') == 'string':
            return self.anonymous('AnyString', {'kind': 'any-string'})
        if p.get('type') == 'array' and p.get('items', {}).get('type') == 'string':
            self.anonymous('AnyString', {'kind': 'any-string'})
            return self.anonymous('[]AnyString',
                                  {'kind': 'array', 'elem': 'AnyString'})
        fail('%s: expected a string or a list of strings for AnyString' % where)


def c_str(s):
    return '"' + s + '\\0"'


def main():
    if len(sys.argv) != 2:
        fail('usage: gen-schema-table.py SCHEMA_JSON > frontend/schema_table.c')
    try:
        with open(sys.argv[1], 'rb') as f:
            raw = f.read()
        schema = json.loads(raw.decode('utf-8'))
    except (OSError, ValueError) as e:
        fail('%s: %s' % (sys.argv[1], e))
    digest = hashlib.sha256(raw).hexdigest()
    defs = schema.get('definitions')
    if not isinstance(defs, dict):
        fail('no definitions in %s' % sys.argv[1])
    for r in ROOTS:
        if r not in defs:
            fail('no definition %s' % r)
    g = Gen(defs)
    for r in ROOTS:
        g.definition(r)
    special = INT_OR_STRING | QUANTITY | EMPTY_STRUCTS | \
        {a + '.' + b for a, b in ANY_STRING_FIELDS}
    missing = special - g.used_special
    if missing:
        fail('special cases not found in the schema: %s' %
             ', '.join(sorted(missing)))

    names = sorted(g.types, key=lambda s: s.encode())
    index = {n: i for i, n in enumerate(names)}
    strings = set(names)
    for t in g.types.values():
        for f, _ in t.get('fields', []):
            strings.add(f)
    pool = sorted(strings, key=lambda s: s.encode())
    offset = {}
    size = 0
    for s in pool:
        offset[s] = size
        size += len(s.encode()) + 1

    fields = []  # (name offset, type index, name, owner type or None)
    type_rows = []
    for n in names:
        t = g.types[n]
        kind = KINDS[t['kind']]
        if t['kind'] == 'object':
            sub, cnt = len(fields), len(t['fields'])
            fields.extend((offset[f], index[ft], f, n if i == 0 else None)
                          for i, (f, ft) in enumerate(t['fields']))
        elif t['kind'] in ('array', 'map'):
            sub, cnt = index[t['elem']], 0
        else:
            sub, cnt = 0, 0
        type_rows.append((offset[n], kind, 1 if t['named'] else 0, sub, cnt, n))

    if max(size, len(fields), len(names)) > 0xffff:
        fail('table too large for 16-bit indexes')

    out = []
    w = out.append
    w('/* Generated from Argo Workflows\' JSON schema (api/jsonschema/schema.json,')
    w(' * Apache License 2.0) by tools/gen-schema-table.py; do not edit.')
    w(' * Regenerate with:')
    w(' *   tools/gen-schema-table.py schema.json > frontend/schema_table.c')
    w(' * schema.json sha256 %s' % digest)
    w(' * %d types (%d definitions), %d fields, %d bytes of names. */'
      % (len(names), sum(1 for t in g.types.values() if t['named']),
         len(fields), size))
    w('#define WFC_SCHEMA_INTERNAL')
    w('#include "frontend/schema.h"')
    w('')
    w('static const char strings[] =')
    for s in pool:
        w('\t/* %5d */ %s' % (offset[s], c_str(s)))
    w('\t;')
    w('')
    w('static const struct wfc_stype types[%d] = {' % len(names))
    w('\t/* name, kind, named, sub (first field or element type), fields */')
    for off, kind, named, sub, cnt, n in type_rows:
        w('\t{ %d, %s, %d, %d, %d },  /* %d %s */'
          % (off, kind, named, sub, cnt, index[n], n))
    w('};')
    w('')
    w('static const struct wfc_sfield fields[%d] = {' % len(fields))
    w('\t/* name, type */')
    for i, (off, ti, f, owner) in enumerate(fields):
        if owner:
            w('\t/* %d: %s */' % (i, owner))
        w('\t{ %d, %d },  /* %s: %s */' % (off, ti, f, names[ti]))
    w('};')
    w('')
    w('const struct wfc_schema_table wfc_schema_table = {')
    w('\t.strings = strings,')
    w('\t.types = types,')
    w('\t.fields = fields,')
    w('\t.ntypes = %d,' % len(names))
    w('\t.nfields = %d,' % len(fields))
    w('};')
    sys.stdout.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()

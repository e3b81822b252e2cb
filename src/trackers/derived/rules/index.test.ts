import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { STANDARDS, standardDefinition } from '../../../domain/standards.ts';
import { standardsOf, usesParam } from '../runner.ts';
import { TRACKER_RULE_IDS, TRACKER_SERVICES } from '../types.ts';
import { TRACKER_RULES } from './index.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

describe('the tracker rule catalogue', () => {
  it('has exactly the rule ids of issue 5, in order', () => {
    assert.deepEqual(
      TRACKER_RULES.map((r) => r.id),
      [...TRACKER_RULE_IDS],
    );
    assert.equal(TRACKER_RULE_IDS.length, 20);
  });

  it('gives every rule a title, a plain-English description, a service and its own fixture test', () => {
    for (const rule of TRACKER_RULES) {
      assert.ok(rule.title.length > 10 && rule.description.length > 60, rule.id);
      assert.ok(
        TRACKER_SERVICES.some((s) => s.id === rule.service),
        rule.id,
      );
      const file = rule.id.replaceAll('_', '-');
      assert.ok(fs.existsSync(`${here}${file}.ts`), `${file}.ts`);
      assert.ok(fs.existsSync(`${here}${file}.test.ts`), `${file}.test.ts`);
    }
  });

  it('names only standards that exist, binds every one it declares, and keeps warning windows in the trackers group', () => {
    const keys = new Set(STANDARDS.map((s) => s.key as string));
    for (const rule of TRACKER_RULES) {
      for (const key of standardsOf(rule)) assert.ok(keys.has(key), `${rule.id}: ${key}`);
      for (const key of rule.settings)
        assert.ok(usesParam(rule.sql, key), `${rule.id} declares ${key} but its SQL does not read it`);
      assert.ok(usesParam(rule.sql, 'snapshot'), `${rule.id} reads one snapshot`);
      if (rule.rag.kind === 'deadline') {
        const warning = standardDefinition(rule.rag.warning)!;
        assert.equal(warning.group, 'trackers', rule.id);
        assert.ok(['days', 'working days'].includes(warning.unit), rule.id);
        assert.equal(rule.rag.warning, `tracker_warn_${rule.id}`);
      }
      if (rule.rag.kind === 'checkpoint' && rule.rag.approaching)
        assert.equal(rule.rag.approaching, `tracker_warn_${rule.id}`);
    }
  });

  it('lists the 9, 12 and 15 month checkpoints amber and 18 months and 2 years red', () => {
    const reached = Object.fromEntries(
      TRACKER_RULES.filter((r) => r.rag.kind === 'checkpoint').map((r) => [
        r.id,
        r.rag.kind === 'checkpoint' && r.rag.reached,
      ]),
    );
    assert.deepEqual(reached, {
      cp_plan_9m: 'amber',
      cp_plan_12m: 'amber',
      cp_plan_15m: 'amber',
      cp_plan_18m: 'red',
      cp_plan_2y: 'red',
    });
  });
});

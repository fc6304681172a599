import { afterEach, describe, expect, it } from 'vitest';
import { inferFileName, registerLanguage } from '../../src/languages/index.js';
import { planLab } from '../../src/plan/lab-tasks.js';
import { renderLab } from '../../src/render/lab.js';
import { visibleText } from '../helpers/html.js';
import { analyze, assets, contextFor, templates } from '../helpers/render.js';
import { protobuf } from '../fixtures-packs/protobuf.js';

// A file kind added by one file in tests/ and one registration: detected, and planned as a lab task
// through the real extraction and lab planning. Its twin runs the same lesson without the pack.
const LESSON = [
  '# Order service',
  '',
  '## Learning Objectives',
  '',
  '- Describe the messages of the order service',
  '',
  '## The messages',
  '',
  'Orders travel between services as Protocol Buffers messages.',
  '',
  '```',
  'syntax = "proto3";',
  '',
  'message Order {',
  '  string id = 1;',
  '  repeated Item items = 2;',
  '  int64 total_cents = 3;',
  '}',
  '```',
  '',
  '## The service',
  '',
  '```proto',
  'syntax = "proto3";',
  '',
  'service Orders {',
  '  rpc Get (GetOrderRequest) returns (Order);',
  '  rpc Cancel (CancelOrderRequest) returns (Order);',
  '}',
  '```',
  '',
].join('\n');

let unregister: (() => void) | null = null;
afterEach(() => {
  unregister?.();
  unregister = null;
});

describe('a fixture language pack registered from the tests', () => {
  it('makes both fences protobuf, and each a lab task with the pack’s file name, starter, check and facts', () => {
    unregister = registerLanguage(protobuf);
    const lesson = analyze(LESSON);
    expect(lesson.examples.map((e) => [e.declaredLanguage, e.language])).toEqual([
      [null, 'protobuf'],
      ['protobuf', 'protobuf'],
    ]);
    const builds = planLab(lesson).tasks.filter((task) => task.kind === 'build');
    expect(builds.map((task) => [task.fileName, task.language])).toEqual([
      // Not a name a tool requires: the lab names the file after the example's title, with the pack's extension.
      ['the-messages.proto', 'protobuf'],
      ['the-service.proto', 'protobuf'],
    ]);
    expect(inferFileName(lesson.examples[1]!.code, 'protobuf')).toBe('service.proto');
    const [messages] = builds;
    expect(messages!.goal).toBe('Write the Protocol Buffers schema `the-messages.proto` that declares the message `Order` (see “The messages”).');
    expect(messages!.starter).toContain('  // TODO: declare the field items (type and number)');
    expect(messages!.starter).not.toContain('repeated Item items');
    expect(messages!.check?.command).toBe('protoc --descriptor_set_out=/dev/null the-messages.proto');
    expect(messages!.steps).toContain('Give every field a type and a number; never reuse a number once it has been published.');
    expect(messages!.commonMistakes[0]).toMatch(/^Reusing or renumbering a field/);
    expect(messages!.facilitation[0]).toMatch(/^`protoc` names the line/);
  });

  it('reaches the student lab sheet', () => {
    unregister = registerLanguage(protobuf);
    const lesson = analyze(LESSON);
    const text = visibleText(renderLab(contextFor(lesson), templates, { instructor: false, assets }).html);
    expect(text).toContain('the-messages.proto');
    expect(text).toContain('// TODO: declare the field total_cents (type and number)');
    expect(text).toContain('// TODO: declare the call Cancel (request and response)');
    expect(text).toContain('protoc --descriptor_set_out=/dev/null the-service.proto');
  });

  it('twin: without the pack the same lesson has no protobuf example and no .proto task', () => {
    const lesson = analyze(LESSON);
    expect(lesson.examples.map((e) => e.language)).not.toContain('protobuf');
    expect(lesson.examples[1]!.language).toBe('proto');
    const tasks = planLab(lesson).tasks;
    expect(tasks.map((task) => task.language)).not.toContain('protobuf');
    const names = tasks.map((task) => task.fileName ?? '');
    expect(names.filter((name) => name.endsWith('.proto'))).toEqual([]);
  });

  it('unregistering takes the kind away again', () => {
    registerLanguage(protobuf)();
    expect(analyze(LESSON).examples[1]!.language).toBe('proto');
  });
});

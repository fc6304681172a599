// The JavaScript and TypeScript starter (src/languages/program-starter.ts through `starterCode`),
// written out whole for realistic modules: imports (`import`, `require`, re-exports), comments,
// decorators and declarations (functions, classes, methods, arrow functions, route handlers) kept, each
// run of other code one TODO hint. tests/mutation-languages.test.ts pins one small snippet of each;
// these inputs reach the rest of the rules, so that a change to any of them (a mutant) shows.
import { describe, expect, it } from 'vitest';
import { starterCode } from '../../src/languages/starters.js';

const starter = (lines: string[], language = 'javascript') => starterCode(lines.join('\n'), language).split('\n');

describe('JavaScript starter of an Express server', () => {
  const server = [
    "const express = require('express'); // web framework",
    'const { join } = require("path");',
    "const cors=require('cors');",
    "const router = require('express').Router();",
    '',
    `const PORT = process.env.PORT || 3000; // "3000" in dev, the host's port in prod`,
    'let hits = 0;',
    'const LIMIT = 10 * 1024;',
    '',
    '/**',
    ' * The application.',
    ' */',
    'const app = express();',
    '',
    'app.use(cors({',
    '  // Any origin in the lab.',
    "  origin: '*',",
    '}));',
    '',
    "app.get('/orders/:id', async (req, res) => {",
    '  const order = await load(req.params.id);',
    '',
    '  // Not found is a 404.',
    '  res.json(order);',
    '});',
    '',
    'app.post("/orders", function(req, res) {',
    '  res.status(201).end();',
    '});',
    '',
    "app.put('/orders/:id', function (req, res) {",
    '  res.status(204).end();',
    '});',
    '',
    'app.use((req, res, next) => {',
    '  next();',
    '});',
    '',
    "router.route('/books').get((req, res) => {",
    '  res.json([]);',
    '});',
    '',
    "process.on('SIGTERM', () => {",
    '  server.close();',
    '});',
    '',
    'app.listen(PORT, () => console.log(`Listening on ${PORT}`));',
  ];

  it('keeps requires and route handlers, and hints middleware set-up, other calls and the listen', () => {
    expect(starter(server)).toEqual([
      "const express = require('express'); // web framework",
      'const { join } = require("path");',
      "const cors=require('cors');",
      // A require whose result is used further is code, not an import.
      '// TODO: define router',
      '',
      `// TODO: define PORT, hits and LIMIT ("3000" in dev, the host's port in prod)`,
      '',
      '/**',
      ' * The application.',
      ' */',
      '// TODO: define app',
      '',
      // A call over several lines is one step, the comment inside it included.
      '// TODO: complete this step',
      '',
      "app.get('/orders/:id', async (req, res) => {",
      '  // TODO: implement the GET /orders/:id handler',
      '  // Not found is a 404.',
      '  // TODO: continue the GET /orders/:id handler',
      '});',
      '',
      'app.post("/orders", function(req, res) {',
      '  // TODO: implement the POST /orders handler',
      '});',
      '',
      "app.put('/orders/:id', function (req, res) {",
      '  // TODO: implement the PUT /orders/:id handler',
      '});',
      '',
      'app.use((req, res, next) => {',
      '  // TODO: implement the middleware',
      '});',
      '',
      // Neither a chained route nor an event listener is a handler of the app.
      '// TODO: complete this step',
      '',
      '// TODO: complete this step',
      '',
      '// TODO: start the server',
    ]);
  });
});

describe('JavaScript starter of an ES module', () => {
  const module = [
    "import { readFile } from 'node:fs/promises';",
    "export * from './money.js';",
    "export * as tax from './tax.js';",
    "export { default as Cart, total } from './cart.js';",
    '',
    'export const RATE = 0.2;',
    "const OPEN = '{{';",
    "const data = await import('./data.js');",
    '',
    '// Fill a template.',
    'export function first() {',
    '  return OPEN;',
    '}',
    '',
    'export async function* pages(api) {',
    '  yield await api.first();',
    '}',
    '',
    'function *ids() {',
    '  yield 1;',
    '}',
    '',
    'export default class App extends Component {',
    '  constructor (props) {',
    '    super(props);',
    '  }',
    '',
    '  async load() {',
    '    this.setState({ rows: await fetchRows() });',
    '  }',
    '',
    '  render(){',
    '    return null;',
    '  }',
    '}',
    '',
    'module.exports = class Store {',
    '  add(item) {',
    '    this.items.push(item);',
    '  }',
    '};',
    '',
    'const sum = (a, b) => {',
    '  return a + b;',
    '};',
    '',
    'export const double = async order => {',
    '  return order.total * 2;',
    '};',
    '',
    'function checkout(cart) {',
    '  validate(cart); // 1) check the items',
    '  charge(cart);   // 2) take the payment',
    '}',
    '',
    'export function page(title) {',
    '  return `',
    '<h1>${title}</h1>',
    '`;',
    '}',
    '',
    'function noop() {}',
    'export function id(x) { return x; }',
    '',
    'for (const file of files) {',
    '  console.log(file);',
    '}',
    '',
    'if (require.main === module) {',
    '  main();',
    '}',
  ];

  it('keeps imports, re-exports and every kind of declaration, and hints the rest', () => {
    expect(starter(module)).toEqual([
      "import { readFile } from 'node:fs/promises';",
      "export * from './money.js';",
      "export * as tax from './tax.js';",
      "export { default as Cart, total } from './cart.js';",
      '',
      // `await import(…)` is an expression, and the braces in a string open nothing.
      '// TODO: define RATE, OPEN and data',
      '',
      '// Fill a template.',
      'export function first() {',
      '  // TODO: implement first',
      '}',
      '',
      'export async function* pages(api) {',
      '  // TODO: implement pages',
      '}',
      '',
      'function *ids() {',
      '  // TODO: implement ids',
      '}',
      '',
      'export default class App extends Component {',
      '  constructor (props) {',
      '    // TODO: implement constructor',
      '  }',
      '',
      '  async load() {',
      '    // TODO: implement load',
      '  }',
      '',
      '  render(){',
      '    // TODO: implement render',
      '  }',
      '}',
      '',
      // A class expression is code.
      '// TODO: complete this step',
      '',
      'const sum = (a, b) => {',
      '  // TODO: implement sum',
      '};',
      '',
      'export const double = async order => {',
      '  // TODO: implement double',
      '};',
      '',
      'function checkout(cart) {',
      // The comments on its lines become the note; their brackets close nothing.
      '  // TODO: implement checkout (1) check the items; 2) take the payment)',
      '}',
      '',
      'export function page(title) {',
      '  // TODO: implement page',
      '}',
      '',
      // One-line functions, a loop and a condition at the top level are steps.
      '// TODO: complete this step',
      '',
      '// TODO: complete this step',
      '',
      '// TODO: complete this step',
    ]);
  });
});

describe('TypeScript starter of an Angular component', () => {
  const component = [
    "import { Component } from '@angular/core';",
    "import { Order } from './order';",
    '',
    '@Component({',
    "  selector: 'app-cart',",
    "  templateUrl: './cart.component.html',",
    '})',
    'export class CartComponent {',
    '  orders: Order[] = [];',
    '',
    "  @Input() title = 'Cart';",
    '',
    '  total(): number {',
    '    return this.orders.reduce((sum, o) => sum + o.total, 0);',
    '  }',
    '',
    '  async save(order: Order): Promise<void> {',
    '    await this.api.post(order);',
    '  }',
    '}',
    '',
    'export const byId = (orders: Order[], id: string): Order | undefined => {',
    '  return orders.find((o) => o.id === id);',
    '};',
  ];

  it('keeps decorators whole, and declarations with return types', () => {
    expect(starter(component, 'typescript')).toEqual([
      "import { Component } from '@angular/core';",
      "import { Order } from './order';",
      '',
      '@Component({',
      "  selector: 'app-cart',",
      "  templateUrl: './cart.component.html',",
      '})',
      'export class CartComponent {',
      '  // TODO: implement CartComponent',
      "  @Input() title = 'Cart';",
      '',
      '  total(): number {',
      '    // TODO: implement total',
      '  }',
      '',
      '  async save(order: Order): Promise<void> {',
      '    // TODO: implement save',
      '  }',
      '}',
      '',
      'export const byId = (orders: Order[], id: string): Order | undefined => {',
      '  // TODO: implement byId',
      '};',
    ]);
  });
});

describe('JavaScript starter of excerpts cut off before their end', () => {
  it('keeps a function whose closing brace is past the excerpt, without a closing line', () => {
    expect(starter(['export function handler(event) {', '  const body = JSON.parse(event.body);', '', '  return { statusCode: 200 };'])).toEqual([
      'export function handler(event) {',
      '  // TODO: implement handler',
    ]);
  });

  it('makes a statement whose brackets never close one step', () => {
    expect(starter(['import http from "node:http";', '', 'const server = http.createServer((req, res) => {', '  res.end("hi");'])).toEqual([
      'import http from "node:http";',
      '',
      '// TODO: define server',
    ]);
  });
});

describe('JavaScript starter of odd layouts', () => {
  it('finds declarations, requires and re-exports whatever the spacing', () => {
    expect(
      starter([
        'export  const  LIMIT = 10;',
        'const f= (x)=>{',
        '  return x;',
        '};',
        'const g =  async  (x)  =>  {',
        '  return x;',
        '};',
        'const fs=require("fs") ;',
        'const os  =  require("os");',
        "const path = require('path');  // joins paths",
        'export  *  from "./a.js";',
        'export  *  as  b  from "./b.js";',
        'export  { c }  from "./c.js";',
        'export {d} from "./d.js";',
        'app.post("/b", function(req, res){',
        '  res.end();',
        '});',
        'class  Shop {',
        '  async  load () {',
        '    return 1;',
        '  }',
        '  open(){',
        '    return 1;',
        '  }',
        '}',
        'export  default  class  Cart {',
        '}',
        'export  async  function  fetchAll () {',
        '  return 1;',
        '}',
      ]),
    ).toEqual([
      '// TODO: define LIMIT',
      'const f= (x)=>{',
      '  // TODO: implement f',
      '};',
      'const g =  async  (x)  =>  {',
      '  // TODO: implement g',
      '};',
      'const fs=require("fs") ;',
      'const os  =  require("os");',
      "const path = require('path');  // joins paths",
      'export  *  from "./a.js";',
      'export  *  as  b  from "./b.js";',
      'export  { c }  from "./c.js";',
      'export {d} from "./d.js";',
      'app.post("/b", function(req, res){',
      '  // TODO: implement the POST /b handler',
      '});',
      'class  Shop {',
      '  async  load () {',
      '    // TODO: implement load',
      '  }',
      '  open(){',
      '    // TODO: implement open',
      '  }',
      '}',
      'export  default  class  Cart {',
      '}',
      'export  async  function  fetchAll () {',
      '  // TODO: implement fetchAll',
      '}',
    ]);
  });

  it('notes trailing comments however they are spaced, passing over a `//` in a string', () => {
    expect(starter(['const sep = " // "; // between crumbs', 'const max = 3; //no more than three', 'const wait = 5; //  seconds'])).toEqual([
      '// TODO: define sep, max and wait (between crumbs; no more than three; seconds)',
    ]);
  });

  it('finds a route of a router reached through an object and an arrow function declared after a condition', () => {
    expect(
      starter([
        'const fs = require("fs")',
        '',
        'api.router.get("/health", (req, res)=>{',
        '  res.end();',
        '});',
        '',
        'await client.get("/orders", (res) => {',
        '  show(res);',
        '});',
        '',
        'if (process.env.DEBUG) var trace = (msg) => {',
        '  console.error(msg);',
        '};',
        '',
        'export  const  halve = (x) => {',
        '  return x / 2;',
        '};',
      ]),
    ).toEqual([
      'const fs = require("fs")',
      '',
      'api.router.get("/health", (req, res)=>{',
      '  // TODO: implement the GET /health handler',
      '});',
      '',
      // A request made with a callback is no route.
      '// TODO: complete this step',
      '',
      'if (process.env.DEBUG) var trace = (msg) => {',
      '  // TODO: implement trace',
      '};',
      '',
      'export  const  halve = (x) => {',
      '  // TODO: implement halve',
      '};',
    ]);
  });

  it('takes an anonymous default export for the function', () => {
    expect(starter(['export  default  function () {', '  return null;', '}'])).toEqual([
      'export  default  function () {',
      '  // TODO: implement the function',
      '}',
    ]);
  });

  it('takes only lines that begin an import, a require or a re-export for imports', () => {
    expect(
      starter([
        'console.log("Tip: export * from \'./lib.js\' re-exports everything");',
        'const config = require("./config.json").shop;',
        'export const db = require("./db");',
      ]),
    ).toEqual(['// TODO: define config and db']);
  });

  it('takes a line that opens a block and goes on for a statement, not a declaration', () => {
    expect(
      starter([
        'app.use(express.static("public", {',
        '  maxAge: "1d",',
        '}));',
        '',
        'app.get("/", (req, res) => { res.render("home", {',
        '  title: "Shop",',
        '}); });',
        '',
        'app.get("/about", function (req, res) { res.render("about", {',
        '  title: "About",',
        '}); });',
        '',
        'const save = (order) => { return post("/orders", {',
        '  body: order,',
        '}); };',
        '',
        'class Api {',
        '  load() { return fetch(url, {',
        '    method: "GET",',
        '  }); }',
        '}',
      ]),
    ).toEqual([
      '// TODO: complete this step',
      '',
      '// TODO: complete this step',
      '',
      '// TODO: complete this step',
      '',
      '// TODO: define save',
      '',
      'class Api {',
      '  // TODO: implement Api',
      '}',
    ]);
  });
});

// Regression: a TypeScript module of an interface and a function became `// TODO: complete this step`
// for the interface, so the learner lost the very type the kept signature names. Types are erased at
// run time: they are the contract the learner codes against, kept whole as signatures are.
describe('TypeScript starter of interfaces and type aliases', () => {
  it('keeps interfaces and type aliases whole, however they span lines, and hints the code around them', () => {
    expect(
      starter(
        [
          "import type { Money } from './money';",
          '',
          'interface Order {',
          '  id: string;',
          '  lines: { sku: string; qty: number }[];',
          '}',
          'export interface Paged<T> extends Base {',
          '  items: T[];',
          '}',
          'export default interface Config { port: number }',
          'export declare interface Env {',
          '  PORT?: string;',
          '}',
          'type Id = string;',
          'type Pair<T> = [T, T];',
          'export type Handler = (',
          '  order: Order,',
          ') => Promise<void>;',
          'type Status =',
          "  | 'open'",
          "  | 'paid';",
          "export type Line = Order['lines'][number]",
          '  & { note?: string };',
          "type Mode = 'a' |",
          "  'b';",
          'type Both = A &',
          '  B;',
          'declare type Total = number;',
          'const RATE = Number(process.env.RATE) || 0.2;',
          '',
          'export function total(orders: Order[]): number {',
          '  interface Row { total: number }',
          '  type Sum = number;',
          '  return orders.reduce((sum, o) => sum + o.total, 0);',
          '}',
        ],
        'typescript',
      ),
    ).toEqual([
      "import type { Money } from './money';",
      '',
      'interface Order {',
      '  id: string;',
      '  lines: { sku: string; qty: number }[];',
      '}',
      'export interface Paged<T> extends Base {',
      '  items: T[];',
      '}',
      'export default interface Config { port: number }',
      'export declare interface Env {',
      '  PORT?: string;',
      '}',
      'type Id = string;',
      'type Pair<T> = [T, T];',
      'export type Handler = (',
      '  order: Order,',
      ') => Promise<void>;',
      'type Status =',
      "  | 'open'",
      "  | 'paid';",
      "export type Line = Order['lines'][number]",
      '  & { note?: string };',
      "type Mode = 'a' |",
      "  'b';",
      'type Both = A &',
      '  B;',
      'declare type Total = number;',
      '// TODO: define RATE',
      '',
      'export function total(orders: Order[]): number {',
      // Types declared in a body are the learner's to write with it.
      '  // TODO: implement total',
      '}',
    ]);
  });

  it('takes only a type declaration for one: names that begin with `type` or `interface` are code', () => {
    expect(starter(['typeName = "Order";', 'interfaces.push(api);', 'type = 3;', 'interface;', 'interface = 2;', 'type in kinds && go();', 'types.Order = {', '  id: 1,', '};', "log('every interface needs a name');"], 'typescript')).toEqual([
      '// TODO: complete this step',
    ]);
  });

  it('finds type declarations whatever the spacing, and keeps one cut off at the end of the excerpt', () => {
    expect(starter(['export  default  interface  A {}', 'export  declare  type  B= number;', 'type  C<T>= T[];', 'type Handler =  ', '  (order: Order) => void;', 'let d = 1;', 'type Status =  '], 'typescript')).toEqual([
      'export  default  interface  A {}',
      'export  declare  type  B= number;',
      'type  C<T>= T[];',
      'type Handler =  ',
      '  (order: Order) => void;',
      '// TODO: define d',
      'type Status =  ',
    ]);
  });
});

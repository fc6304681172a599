// The Terraform (HCL) and nginx starters (src/languages/brace-starter.ts through `starterCode`), written
// out whole for realistic configurations: block headers, comments and closing braces kept, each setting
// or directive a hint, nested values and deep blocks one hint each. tests/mutation-languages.test.ts
// pins one small snippet of each; these reach the rest of the rules (depth, skipping, nginx directives
// over several lines, heredocs, brackets in strings), so that a change to any of them (a mutant) shows.
import { describe, expect, it } from 'vitest';
import { starterCode } from '../../src/languages/starters.js';

const starter = (lines: string[], language: string) => starterCode(lines.join('\n'), language).split('\n');

describe('Terraform starter', () => {
  it('keeps blocks three deep, and makes a nested value or a deeper block one hint', () => {
    const config = [
      'terraform {',
      '  required_providers {',
      '    aws = {',
      '      source  = "hashicorp/aws"',
      '      version = "~> 5.0"',
      '    }',
      '  }',
      '}',
      '',
      "# The site's bucket.",
      'resource "aws_s3_bucket" "site" {',
      '  bucket = "shop-site"',
      '  tags = {',
      '    Project = "shop"',
      '  }',
      '',
      '  lifecycle {',
      '    prevent_destroy = true',
      '  }',
      '}',
      '',
      'resource "aws_security_group" "web" {',
      '  ingress {',
      '    from_port   = 80',
      '    cidr_blocks = ["0.0.0.0/0"]',
      '  }',
      '  dynamic "egress" {',
      '    for_each = var.rules',
      '    content {',
      '      from_port = egress.value.port',
      '      settings {',
      '        deep = 1',
      '      }',
      '    }',
      '  }',
      '}',
      '',
      'locals {',
      '  names = [',
      '    "a",',
      '    "b",',
      '  ]',
      '  ports = [80, 443]',
      '}',
      '',
      'output "url" {',
      '  value = aws_s3_bucket.site.website_endpoint',
      '}',
    ];
    expect(starter(config, 'hcl')).toEqual([
      'terraform {',
      '  required_providers {',
      '    # TODO: set aws',
      '  }',
      '}',
      '',
      "# The site's bucket.",
      'resource "aws_s3_bucket" "site" {',
      '  # TODO: set bucket',
      '  # TODO: set tags',
      '',
      '  lifecycle {',
      '    # TODO: set prevent_destroy',
      '  }',
      '}',
      '',
      'resource "aws_security_group" "web" {',
      '  ingress {',
      '    # TODO: set from_port',
      '    # TODO: set cidr_blocks',
      '  }',
      '  dynamic "egress" {',
      '    # TODO: set for_each',
      '    content {',
      '      # TODO: set from_port',
      '      # TODO: add the settings block',
      '    }',
      '  }',
      '}',
      '',
      'locals {',
      '  # TODO: set names',
      '  # TODO: set ports',
      '}',
      '',
      'output "url" {',
      '  # TODO: set value',
      '}',
    ]);
  });

  it('passes over a heredoc, takes a one-line block for a setting, and keeps a commented closing brace', () => {
    const config = [
      'resource "aws_instance" "web" {',
      '  ami = "ami-123"',
      '  user_data = <<-EOF',
      '    #!/bin/bash',
      '    echo "hi {"',
      '  EOF',
      '  lifecycle { create_before_destroy = true }',
      '} # web',
      '',
      'output "ip" {',
      '  value = aws_instance.web.public_ip',
      '}',
    ];
    expect(starter(config, 'hcl')).toEqual([
      'resource "aws_instance" "web" {',
      '  # TODO: set ami',
      '  # TODO: set user_data',
      '  # TODO: set lifecycle',
      '} # web',
      '',
      'output "ip" {',
      '  # TODO: set value',
      '}',
    ]);
  });

  it('passes over a heredoc without a dash, and takes `<<` inside a string for text', () => {
    const config = [
      'resource "aws_iam_policy" "read" {',
      '  description = "Written as a <<EOF heredoc"',
      '  policy = <<EOF',
      '{',
      '  "Version": "2012-10-17"',
      '}',
      'EOF',
      '}',
      '',
      'output "arn" {',
      '  value = aws_iam_policy.read.arn',
      '}',
    ];
    expect(starter(config, 'hcl')).toEqual([
      'resource "aws_iam_policy" "read" {',
      '  # TODO: set description',
      '  # TODO: set policy',
      '}',
      '',
      'output "arn" {',
      '  # TODO: set value',
      '}',
    ]);
  });

  it('skips the whole of a nested value whose line also closes a bracket', () => {
    const config = [
      'resource "aws_security_group_rule" "in" {',
      '  cidr_blocks = concat(["10.0.0.0/8"], [',
      '    var.office_cidr,',
      '  ])',
      '  type = "ingress"',
      '}',
    ];
    expect(starter(config, 'hcl')).toEqual([
      'resource "aws_security_group_rule" "in" {',
      '  # TODO: set cidr_blocks',
      '  # TODO: set type',
      '}',
    ]);
  });

  it('finds block headers whatever the spacing', () => {
    const config = [
      'variable  "region"  {',
      '  default = "eu-west-1"',
      '}',
      'locals{',
      '  env = "lab"',
      '}',
    ];
    expect(starter(config, 'hcl')).toEqual([
      'variable  "region"  {',
      '  # TODO: set default',
      '}',
      'locals{',
      '  # TODO: set env',
      '}',
    ]);
  });
});

describe('nginx starter', () => {
  it('hints each directive, one hint for a directive over several lines', () => {
    const config = [
      '# Shop front end.',
      'upstream app {',
      '  server web:8000;',
      '  server web2:8000 backup;',
      '}',
      '',
      'proxy_cache_path /var/cache/nginx levels=1:2',
      '                 keys_zone=shop:10m max_size=1g;',
      '',
      'server {',
      '  listen 80;',
      '  server_name shop.example www.shop.example;',
      '',
      '  location / {',
      '    proxy_pass http://app;',
      '    proxy_set_header Host $host;',
      '    add_header X-Cache $upstream_cache_status',
      '      always; # even on errors',
      '  }',
      '',
      '  location ~* \\.(css|js)$ {',
      '    expires 7d;',
      '    if ($http_origin) {',
      '      add_header Vary Origin;',
      '    }',
      '  }',
      '',
      '  location /api {',
      '    limit_req zone=api burst=5;',
      '  }',
      '',
      '  error_page 500 502 /50x.html;',
      '}',
    ];
    expect(starter(config, 'nginx')).toEqual([
      '# Shop front end.',
      'upstream app {',
      '  # TODO: add the upstream server',
      '}',
      '',
      '# TODO: declare the cache storage and zone',
      '',
      'server {',
      '  # TODO: set the port to listen on',
      '  # TODO: set the server name',
      '',
      '  location / {',
      '    # TODO: forward requests to the upstream',
      '    # TODO: pass the request headers on',
      '    # TODO: add the response header',
      '  }',
      '',
      '  location ~* \\.(css|js)$ {',
      '    # TODO: set the expiry',
      '    if ($http_origin) {',
      '      # TODO: add the response header',
      '    }',
      '  }',
      '',
      '  location /api {',
      '    # TODO: set limit_req',
      '  }',
      '',
      '  # TODO: set error_page',
      '}',
    ]);
  });

  it('ends a directive at its semicolon, a comment after it or not, and reads no bracket in a string', () => {
    const config = [
      'log_format json escape=json',
      `  '{"time":"$time_iso8601",'`,
      `  '"status":$status}';`,
      'listen 80; # plain HTTP',
      'location /missing {',
      '  return 404 "Not found :(";',
      '  add_header X-Gone 1;',
      '}',
      '} server {',
      '  listen 81;',
      '}',
    ];
    expect(starter(config, 'nginx')).toEqual([
      '# TODO: set log_format',
      '# TODO: set the port to listen on',
      'location /missing {',
      '  # TODO: set the response',
      '  # TODO: add the response header',
      '}',
      // A closing brace with more after it is not a closing line.
      '# TODO: complete this line',
      '  # TODO: set the port to listen on',
      '}',
    ]);
  });

  it('reads no brace in a quoted string, and takes compact blocks and map entries', () => {
    const config = [
      `log_format json escape=json '{"time":"$time_iso8601",'`,
      `  '"uri":"$request_uri",'`,
      `  '"status":$status}';`,
      '',
      'map $http_user_agent $mobile {',
      '  default 0;',
      '  "~*iphone" 1;',
      '}',
      '',
      'server{',
      '  listen 443 ssl;',
      '  location = /favicon.ico { access_log off; }',
      '  location /static {',
      '    root /srv;',
      '  }}',
    ];
    expect(starter(config, 'nginx')).toEqual([
      '# TODO: set log_format',
      '',
      'map $http_user_agent $mobile {',
      '  # TODO: set default',
      '  # TODO: complete this line',
      '}',
      '',
      'server{',
      '  # TODO: set the port to listen on',
      '  # TODO: set location',
      '  location /static {',
      '    # TODO: set the document root',
      '  }}',
    ]);
  });
});

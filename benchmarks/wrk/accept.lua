-- wrk script for the accept path (docs/benchmarks.md, "Measuring with wrk"): each request is a
-- POST /api/v1/exchanges with the access token and bodies that AcceptLoad --wrk-setup wrote,
-- and a fresh Idempotency-Key, so that every request is a new exchange and none is a replay.
--
--   wrk -t2 -c16 -d10s --latency -s benchmarks/wrk/accept.lua http://127.0.0.1:8080 -- target/wrk
--
-- The argument after "--" is the directory of the setup (default target/wrk).

local setup = "target/wrk"
local token
local bodies = {}
local counter = 0
local thread_id = 0

local function read(path)
  local file = assert(io.open(path, "r"), "missing " .. path .. ": run AcceptLoad --wrk-setup first")
  local content = file:read("*a")
  file:close()
  return content
end

function setup(thread)
  -- wrk runs setup() in the main Lua state and each thread in its own: tell each its number
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function init(args)
  if args[1] then
    setup = args[1]
  end
  token = read(setup .. "/token"):gsub("%s+$", "")
  for line in io.lines(setup .. "/bodies.jsonl") do
    if #line > 0 then
      bodies[#bodies + 1] = line
    end
  end
  assert(#bodies > 0, "no bodies in " .. setup .. "/bodies.jsonl")
  math.randomseed(os.time() + (id or 0) * 7919)
  run = string.format("%08x", math.random(0, 0x7fffffff))
end

function request()
  counter = counter + 1
  local key = string.format("wrk-%s-%d-%d", run, id or 0, counter)
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key,
  }
  return wrk.format("POST", "/api/v1/exchanges", headers, bodies[(counter % #bodies) + 1])
end

local statuses = {}

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end

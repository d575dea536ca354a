-- Shared by the wrk scripts of scripts/bench-services.sh: per-thread counters that done() sums
-- and prints as one JSON line ("# result {...}") for the script to read, with wrk's latency
-- percentiles in microseconds.
local threads = {}

-- Each thread's state gets "me", its number from 1, for scripts that spread keys by thread.
function setup(thread)
  table.insert(threads, thread)
  thread:set("me", #threads)
end

counters = {}

function count(name, n)
  counters[name] = (counters[name] or 0) + (n or 1)
end

function report(summary, latency)
  local sums = {}
  for _, t in ipairs(threads) do
    local c = t:get("counters")
    for k, v in pairs(c) do sums[k] = (sums[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(sums) do table.insert(parts, string.format('"%s":%d', k, v)) end
  local e = summary.errors
  io.write(string.format('# result {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d,"status_errors":%d%s%s}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status, #parts > 0 and "," or "", table.concat(parts, ",")))
end

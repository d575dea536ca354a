-- DynamoDB PutItem (JSON protocol 1.0): a new item per request, keys spread over the table
-- (thread number, request counter), each about 150 bytes. Args: table name.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require "common"

local tbl
local n = 0

function init(args)
  tbl = args[1]
end

function request()
  n = n + 1
  local body = '{"TableName":"' .. tbl .. '","Item":{"pk":{"S":"put-' .. me .. '-' .. n .. '"},"sk":{"N":"' .. n .. '"},' ..
    '"status":{"S":"shipped"},"total":{"N":"129.95"},"tags":{"SS":["book","gift"]},"note":{"S":"leave at the door"}}}'
  return wrk.format("POST", "/", {["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "DynamoDB_20120810.PutItem"}, body)
end

function response(status, headers, body)
  if status == 200 then count("acked") else count("refused") end
end

function done(summary, latency, requests) report(summary, latency) end

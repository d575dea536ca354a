-- DynamoDB GetItem of random existing items of the table bench-dynamodb.sh loads (partition
-- "p<k>" for k < partitions, sort key 0..99). Counts replies holding an "Item" as "found".
-- Args: table name, number of partitions.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require "common"

local tbl, partitions

function init(args)
  tbl = args[1]
  partitions = tonumber(args[2])
  math.randomseed(os.time() + me * 7919)
end

function request()
  local body = '{"TableName":"' .. tbl .. '","Key":{"pk":{"S":"p' .. math.random(0, partitions - 1) .. '"},' ..
    '"sk":{"N":"' .. math.random(0, 99) .. '"}}}'
  return wrk.format("POST", "/", {["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "DynamoDB_20120810.GetItem"}, body)
end

function response(status, headers, body)
  if status ~= 200 then count("refused")
  elseif body:find('"Item"', 1, true) then count("found")
  else count("missing") end
end

function done(summary, latency, requests) report(summary, latency) end

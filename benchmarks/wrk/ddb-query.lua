-- DynamoDB Query of one whole random partition (100 items) of the table bench-dynamodb.sh
-- loads. Counts items returned as "items" and queries with exactly 100 as "full".
-- Args: table name, number of partitions.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require "common"

local tbl, partitions

function init(args)
  tbl = args[1]
  partitions = tonumber(args[2])
  math.randomseed(os.time() + me * 104729)
end

function request()
  local body = '{"TableName":"' .. tbl .. '","KeyConditionExpression":"pk = :p",' ..
    '"ExpressionAttributeValues":{":p":{"S":"p' .. math.random(0, partitions - 1) .. '"}}}'
  return wrk.format("POST", "/", {["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "DynamoDB_20120810.Query"}, body)
end

function response(status, headers, body)
  if status ~= 200 then count("refused"); return end
  local c = tonumber(body:match('"Count":(%d+)') or "0")
  count("items", c)
  if c == 100 then count("full") end
end

function done(summary, latency, requests) report(summary, latency) end

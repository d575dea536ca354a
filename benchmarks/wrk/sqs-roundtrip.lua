-- An SQS producer and consumer on the same queue, in the AWS JSON protocol: SendMessage one
-- message at a time; ReceiveMessage up to 10 at a time; then one DeleteMessageBatch for the
-- messages received, as SDK consumers do. A message counts as a round trip once its delete is
-- acknowledged ("deleted"). (An empty receive and a DeleteMessage both reply {}, which wrk's
-- response callback could not tell apart; DeleteMessageBatch replies "Successful".) Each thread keeps its own backlog estimate so
-- that sends and receives stay balanced. Args: queue URL.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require "common"

local queue
local handles = {}      -- receipt handles received, not yet deleted
local backlog = 0       -- sent minus received, as this thread sees it
local receiving = 0     -- receives in flight

function init(args)
  queue = args[1]
end

local function call(action, body)
  return wrk.format("POST", "/", {["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "AmazonSQS." .. action}, body)
end

function request()
  if #handles > 0 then
    local entries = {}
    for i = 1, math.min(#handles, 10) do
      entries[i] = '{"Id":"m' .. i .. '","ReceiptHandle":"' .. table.remove(handles) .. '"}'
    end
    count("delete_requests", #entries)
    return call("DeleteMessageBatch", '{"QueueUrl":"' .. queue .. '","Entries":[' .. table.concat(entries, ",") .. ']}')
  end
  if backlog - receiving * 10 >= 10 then
    receiving = receiving + 1
    return call("ReceiveMessage", '{"QueueUrl":"' .. queue .. '","MaxNumberOfMessages":10}')
  end
  backlog = backlog + 1
  count("send_requests")
  return call("SendMessage", '{"QueueUrl":"' .. queue .. '","MessageBody":"{\\"order\\":12345,\\"item\\":\\"book\\"}"}')
end

function response(status, headers, body)
  if status ~= 200 then count("refused"); return end
  if body:find('"Successful"', 1, true) then
    local n = 0
    for _ in body:gmatch('"Id":') do n = n + 1 end
    local failed = body:match('"Failed":%[(.-)%]') or ""
    for _ in failed:gmatch('"Id":') do n = n - 1 end
    count("deleted", n)
  elseif body:find('"Messages"', 1, true) or body == "{}" then
    receiving = receiving - 1
    local n = 0
    for h in body:gmatch('"ReceiptHandle":"([^"]+)"') do
      table.insert(handles, h); n = n + 1
    end
    backlog = backlog - n
    count("received", n)
  elseif body:find('"MessageId"', 1, true) then
    count("sent")
  end
end

function done(summary, latency, requests) report(summary, latency) end

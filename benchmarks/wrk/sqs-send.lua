-- SQS SendMessage in the AWS JSON protocol (what current SDKs and the aws CLI send), one
-- message per request. Args: queue URL. Counts the sends acknowledged with 200 as "acked".
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require "common"

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
  wrk.headers["X-Amz-Target"] = "AmazonSQS.SendMessage"
  wrk.body = '{"QueueUrl":"' .. args[1] .. '","MessageBody":"{\\"order\\":12345,\\"item\\":\\"book\\",\\"quantity\\":2}"}'
end

function response(status, headers, body)
  if status == 200 then count("acked") else count("refused") end
end

function done(summary, latency, requests) report(summary, latency) end

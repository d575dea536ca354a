-- Step Functions StartExecution (AWS JSON 1.0), one execution per request, named by the server.
-- Args: state machine ARN. Counts the starts acknowledged with 200 as "acked".
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require "common"

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
  wrk.headers["X-Amz-Target"] = "AWSStepFunctions." .. (args[2] or "StartExecution")
  wrk.body = '{"stateMachineArn":"' .. args[1] .. '","input":"{\\"order\\":12345,\\"items\\":[1,2,3]}"}'
end

function response(status, headers, body)
  if status == 200 then count("acked") else count("refused") end
end

function done(summary, latency, requests) report(summary, latency) end

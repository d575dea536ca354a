-- Step Functions DescribeStateMachine of one machine. Args: state machine ARN.
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require "common"

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
  wrk.headers["X-Amz-Target"] = "AWSStepFunctions.DescribeStateMachine"
  wrk.body = '{"stateMachineArn":"' .. args[1] .. '"}'
end

function response(status, headers, body)
  if status == 200 then count("ok") else count("refused") end
end

function done(summary, latency, requests) report(summary, latency) end

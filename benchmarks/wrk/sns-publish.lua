-- SNS Publish in the query protocol (form-encoded, XML reply), one message per request, to a
-- topic with an SQS subscriber. Args: topic ARN. Counts publishes acknowledged with 200 as "acked".
package.path = package.path .. ";" .. debug.getinfo(1, "S").source:match("@(.*/)") .. "?.lua"
require "common"

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
  wrk.body = "Action=Publish&Version=2010-03-31&TopicArn=" .. encode(args[1]) ..
    "&Message=" .. encode('{"order":12345,"status":"shipped"}')
end

function response(status, headers, body)
  if status == 200 then count("acked") else count("refused") end
end

function done(summary, latency, requests) report(summary, latency) end

/**
 * DynamoDB's expression languages (condition, filter, key condition, update, projection) and
 * the legacy parameters they replaced, parsed and evaluated over items in DynamoDB JSON.
 */
package dev.stride.service.dynamodb.expression;

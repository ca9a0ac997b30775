/**
 * The contracts between Newsroom services: one record per event payload, the CloudEvents 1.0 Kafka
 * binary-mode envelope ({@link CloudEventHeaders}, {@link EventEnvelope}), topic names and the
 * partition key rule ({@link Topics}), and the JSON Schemas every produced event is tested against
 * ({@link EventSchemas}). No Spring here, so every service and test can depend on it.
 *
 * <p>Why plain constants rather than the CloudEvents Java SDK: binary mode is six header names and
 * one spec version; the SDK's Kafka binding would bring its own (Jackson 2) JSON stack and a
 * second serializer beside spring-kafka's, for no behaviour we need.
 */
package io.newsroom.events;

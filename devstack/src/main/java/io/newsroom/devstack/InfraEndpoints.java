package io.newsroom.devstack;

/** Where the services find the infrastructure devstack started. */
record InfraEndpoints(String kafkaBootstrapServers, String articlesJdbcUrl, String commentsJdbcUrl,
                      String databaseUser, String databasePassword, String elasticsearchUri) {
}

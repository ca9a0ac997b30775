package io.newsroom.deploy;

import static com.fasterxml.jackson.databind.node.JsonNodeType.ARRAY;
import static com.fasterxml.jackson.databind.node.JsonNodeType.NUMBER;
import static com.fasterxml.jackson.databind.node.JsonNodeType.OBJECT;
import static com.fasterxml.jackson.databind.node.JsonNodeType.STRING;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Structural checks for the CRDs that have no typed Java model on Maven Central (checked: ECK, CloudNativePG and
 * KEDA publish none). Field lists are taken from the CRD schemas of ECK 3.x (elasticsearch.k8s.elastic.co/v1),
 * CloudNativePG 1.27 (postgresql.cnpg.io/v1) and KEDA 2.17 (keda.sh/v1alpha1); they reject typos in the fields
 * this repository uses. If you use a newer field the CRD really has, add it to the list.
 */
final class CustomResourceShapes {

    private static final Set<String> METADATA = Set.of("name", "namespace", "labels", "annotations");

    private static final Map<String, Consumer<Structure>> SHAPES = Map.of(
            "keda.sh/v1alpha1/ScaledObject", CustomResourceShapes::scaledObject,
            "elasticsearch.k8s.elastic.co/v1/Elasticsearch", CustomResourceShapes::elasticsearch,
            "postgresql.cnpg.io/v1/Cluster", CustomResourceShapes::postgresCluster,
            "postgresql.cnpg.io/v1/ScheduledBackup", CustomResourceShapes::scheduledBackup,
            "barmancloud.cnpg.io/v1/ObjectStore", CustomResourceShapes::objectStore,
            "keda.sh/v1alpha1/TriggerAuthentication", CustomResourceShapes::triggerAuthentication);

    private CustomResourceShapes() {
    }

    static boolean covers(Manifest manifest) {
        return SHAPES.containsKey(manifest.apiVersion() + "/" + manifest.kind());
    }

    static List<String> problems(Manifest manifest) {
        Structure structure = new Structure(manifest);
        Optional.ofNullable(SHAPES.get(manifest.apiVersion() + "/" + manifest.kind()))
                .orElseThrow()
                .accept(structure);
        structure.onlyKeys("", Set.of("apiVersion", "kind", "metadata", "spec"))
                .onlyKeys("metadata", METADATA)
                .required("metadata.name", STRING);
        return structure.problems();
    }

    private static void scaledObject(Structure s) {
        s.required("spec", OBJECT)
                .onlyKeys("spec", Set.of("scaleTargetRef", "pollingInterval", "cooldownPeriod", "initialCooldownPeriod",
                        "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "advanced", "triggers", "fallback"))
                .required("spec.scaleTargetRef", OBJECT)
                .onlyKeys("spec.scaleTargetRef", Set.of("apiVersion", "kind", "name", "envSourceContainerName"))
                .required("spec.scaleTargetRef.name", STRING)
                .optional("spec.minReplicaCount", NUMBER)
                .optional("spec.maxReplicaCount", NUMBER)
                .optional("spec.pollingInterval", NUMBER)
                .optional("spec.cooldownPeriod", NUMBER)
                .optional("spec.advanced", OBJECT)
                .onlyKeys("spec.advanced", Set.of("horizontalPodAutoscalerConfig", "restoreToOriginalReplicaCount",
                        "scalingModifiers"))
                .required("spec.triggers", ARRAY);
        for (int i = 0; i < s.at("spec.triggers").size(); i++) {
            String trigger = "spec.triggers[" + i + "]";
            s.onlyKeys(trigger, Set.of("type", "name", "metadata", "metricType", "authenticationRef", "useCachedMetrics"))
                    .required(trigger + ".type", STRING)
                    .required(trigger + ".metadata", OBJECT)
                    .stringValues(trigger + ".metadata")
                    .optional(trigger + ".metricType", STRING);
        }
    }

    private static void elasticsearch(Structure s) {
        s.required("spec", OBJECT)
                .onlyKeys("spec", Set.of("version", "image", "nodeSets", "http", "transport", "auth", "updateStrategy",
                        "podDisruptionBudget", "secureSettings", "serviceAccountName", "remoteClusters",
                        "remoteClusterServer", "volumeClaimDeletePolicy", "monitoring", "revisionHistoryLimit"))
                .required("spec.version", STRING)
                .matches("spec.version", "9\\.\\d+\\.\\d+")
                .required("spec.nodeSets", ARRAY);
        for (int i = 0; i < s.at("spec.nodeSets").size(); i++) {
            String nodeSet = "spec.nodeSets[" + i + "]";
            s.onlyKeys(nodeSet, Set.of("name", "count", "config", "podTemplate", "volumeClaimTemplates"))
                    .required(nodeSet + ".name", STRING)
                    .required(nodeSet + ".count", NUMBER)
                    .optional(nodeSet + ".config", OBJECT)
                    .optional(nodeSet + ".podTemplate", OBJECT)
                    .optional(nodeSet + ".volumeClaimTemplates", ARRAY);
        }
    }

    private static void postgresCluster(Structure s) {
        s.required("spec", OBJECT)
                .onlyKeys("spec", Set.of("instances", "imageName", "imageCatalogRef", "imagePullPolicy", "imagePullSecrets",
                        "description", "inheritedMetadata", "primaryUpdateStrategy", "primaryUpdateMethod", "bootstrap",
                        "replica", "superuserSecret", "enableSuperuserAccess", "certificates", "postgresql", "storage",
                        "walStorage", "tablespaces", "resources", "affinity", "topologySpreadConstraints",
                        "priorityClassName", "monitoring", "backup", "externalClusters", "managed", "plugins",
                        "minSyncReplicas", "maxSyncReplicas", "startDelay", "stopDelay", "smartShutdownTimeout",
                        "switchoverDelay", "failoverDelay", "livenessProbeTimeout", "nodeMaintenanceWindow",
                        "logLevel", "env", "envFrom", "enablePDB", "serviceAccountTemplate", "seccompProfile",
                        "projectedVolumeTemplate", "ephemeralVolumeSource", "ephemeralVolumesSizeLimit",
                        "replicationSlots", "postgresUID", "postgresGID", "schedulerName", "probes",
                        "podSecurityContext", "securityContext"))
                .required("spec.instances", NUMBER)
                .required("spec.storage.size", STRING)
                .optional("spec.imageName", STRING)
                .optional("spec.bootstrap", OBJECT)
                .onlyKeys("spec.bootstrap", Set.of("initdb", "recovery", "pg_basebackup"))
                .onlyKeys("spec.bootstrap.initdb", Set.of("database", "owner", "secret", "options", "dataChecksums",
                        "encoding", "localeCollate", "localeCType", "locale", "localeProvider", "icuLocale", "icuRules",
                        "builtinLocale", "walSegmentSize", "postInitSQL", "postInitApplicationSQL",
                        "postInitTemplateSQL", "postInitSQLRefs", "postInitApplicationSQLRefs",
                        "postInitTemplateSQLRefs", "import"))
                .optional("spec.bootstrap.initdb.database", STRING)
                .optional("spec.bootstrap.initdb.owner", STRING)
                .optional("spec.postgresql.parameters", OBJECT)
                .stringValues("spec.postgresql.parameters")
                .onlyKeys("spec.affinity", Set.of("enablePodAntiAffinity", "topologyKey", "nodeSelector", "nodeAffinity",
                        "tolerations", "podAntiAffinityType", "additionalPodAntiAffinity", "additionalPodAffinity"));
    }

    private static void scheduledBackup(Structure s) {
        s.required("spec", OBJECT)
                .onlyKeys("spec", Set.of("schedule", "cluster", "suspend", "immediate", "backupOwnerReference", "target",
                        "method", "pluginConfiguration", "online", "onlineConfiguration"))
                .required("spec.schedule", STRING)
                .matches("spec.schedule", "\\S+( \\S+){5}")
                .required("spec.cluster.name", STRING)
                .onlyKeys("spec.cluster", Set.of("name"))
                .matches("spec.method", "barmanObjectStore|volumeSnapshot|plugin")
                .matches("spec.backupOwnerReference", "none|self|cluster")
                .onlyKeys("spec.pluginConfiguration", Set.of("name", "parameters"));
    }

    /** plugin-barman-cloud 0.x ObjectStore (barmancloud.cnpg.io/v1): spec.configuration is a BarmanObjectStoreConfiguration. */
    private static void objectStore(Structure s) {
        s.required("spec", OBJECT)
                .onlyKeys("spec", Set.of("configuration", "retentionPolicy", "instanceSidecarConfiguration"))
                .required("spec.configuration", OBJECT)
                .onlyKeys("spec.configuration", Set.of("destinationPath", "endpointURL", "endpointCA", "serverName", "s3Credentials",
                        "azureCredentials", "googleCredentials", "wal", "data", "tags", "historyTags"))
                .required("spec.configuration.destinationPath", STRING)
                .matches("spec.retentionPolicy", "^[1-9][0-9]*[dwm]$")
                .onlyKeys("spec.configuration.s3Credentials", Set.of("accessKeyId", "secretAccessKey", "region", "sessionToken",
                        "inheritFromIAMRole"))
                .onlyKeys("spec.configuration.wal", Set.of("compression", "encryption", "maxParallel", "archiveAdditionalCommandArgs",
                        "restoreAdditionalCommandArgs"))
                .onlyKeys("spec.configuration.data", Set.of("compression", "encryption", "jobs", "immediateCheckpoint",
                        "additionalCommandArgs"));
    }

    private static void triggerAuthentication(Structure s) {
        s.required("spec", OBJECT)
                .onlyKeys("spec", Set.of("secretTargetRef", "env", "hashiCorpVault", "azureKeyVault", "podIdentity",
                        "awsSecretManager", "gcpSecretManager", "configMapTargetRef", "boundServiceAccountToken"));
        for (int i = 0; i < s.at("spec.secretTargetRef").size(); i++) {
            String ref = "spec.secretTargetRef[" + i + "]";
            s.onlyKeys(ref, Set.of("parameter", "name", "key")).required(ref + ".parameter", STRING)
                    .required(ref + ".name", STRING).required(ref + ".key", STRING);
        }
    }
}

/* Generated from Argo Workflows' JSON schema (api/jsonschema/schema.json,
 * Apache License 2.0) by tools/gen-schema-table.py; do not edit.
 * Regenerate with:
 *   tools/gen-schema-table.py schema.json > frontend/schema_table.c
 * schema.json sha256 3f84c5722c48a5aa815fe69119a9375fc3635114f8046da20ede55a8596529f5
 * 296 types (230 definitions), 1116 fields, 18907 bytes of names. */
#define WFC_SCHEMA_INTERNAL
#include "frontend/schema.h"

static const char strings[] =
	/*     0 */ "AnyString\0"
	/*    10 */ "[]AnyString\0"
	/*    22 */ "[]integer\0"
	/*    32 */ "[]io.argoproj.workflow.v1alpha1.Amount\0"
	/*    71 */ "[]io.argoproj.workflow.v1alpha1.Artifact\0"
	/*   112 */ "[]io.argoproj.workflow.v1alpha1.Condition\0"
	/*   154 */ "[]io.argoproj.workflow.v1alpha1.ContainerNode\0"
	/*   200 */ "[]io.argoproj.workflow.v1alpha1.DAGTask\0"
	/*   240 */ "[]io.argoproj.workflow.v1alpha1.ExecutorPlugin\0"
	/*   287 */ "[]io.argoproj.workflow.v1alpha1.HTTPHeader\0"
	/*   330 */ "[]io.argoproj.workflow.v1alpha1.Header\0"
	/*   369 */ "[]io.argoproj.workflow.v1alpha1.Item\0"
	/*   406 */ "[]io.argoproj.workflow.v1alpha1.MetricLabel\0"
	/*   450 */ "[]io.argoproj.workflow.v1alpha1.Mutex\0"
	/*   488 */ "[]io.argoproj.workflow.v1alpha1.MutexHolding\0"
	/*   533 */ "[]io.argoproj.workflow.v1alpha1.OAuth2EndpointParam\0"
	/*   585 */ "[]io.argoproj.workflow.v1alpha1.ParallelSteps\0"
	/*   631 */ "[]io.argoproj.workflow.v1alpha1.Parameter\0"
	/*   673 */ "[]io.argoproj.workflow.v1alpha1.Prometheus\0"
	/*   716 */ "[]io.argoproj.workflow.v1alpha1.SemaphoreHolding\0"
	/*   765 */ "[]io.argoproj.workflow.v1alpha1.SemaphoreRef\0"
	/*   810 */ "[]io.argoproj.workflow.v1alpha1.Template\0"
	/*   851 */ "[]io.argoproj.workflow.v1alpha1.TransformationStep\0"
	/*   902 */ "[]io.argoproj.workflow.v1alpha1.UserContainer\0"
	/*   948 */ "[]io.k8s.api.core.v1.ContainerPort\0"
	/*   983 */ "[]io.k8s.api.core.v1.ContainerResizePolicy\0"
	/*  1026 */ "[]io.k8s.api.core.v1.ContainerRestartRule\0"
	/*  1068 */ "[]io.k8s.api.core.v1.DownwardAPIVolumeFile\0"
	/*  1111 */ "[]io.k8s.api.core.v1.EnvFromSource\0"
	/*  1146 */ "[]io.k8s.api.core.v1.EnvVar\0"
	/*  1174 */ "[]io.k8s.api.core.v1.HTTPHeader\0"
	/*  1206 */ "[]io.k8s.api.core.v1.HostAlias\0"
	/*  1237 */ "[]io.k8s.api.core.v1.KeyToPath\0"
	/*  1268 */ "[]io.k8s.api.core.v1.LocalObjectReference\0"
	/*  1310 */ "[]io.k8s.api.core.v1.NodeSelectorRequirement\0"
	/*  1355 */ "[]io.k8s.api.core.v1.NodeSelectorTerm\0"
	/*  1393 */ "[]io.k8s.api.core.v1.ObjectReference\0"
	/*  1430 */ "[]io.k8s.api.core.v1.PersistentVolumeClaim\0"
	/*  1473 */ "[]io.k8s.api.core.v1.PersistentVolumeClaimCondition\0"
	/*  1525 */ "[]io.k8s.api.core.v1.PodAffinityTerm\0"
	/*  1562 */ "[]io.k8s.api.core.v1.PodDNSConfigOption\0"
	/*  1602 */ "[]io.k8s.api.core.v1.PodResourceClaim\0"
	/*  1640 */ "[]io.k8s.api.core.v1.PreferredSchedulingTerm\0"
	/*  1685 */ "[]io.k8s.api.core.v1.ResourceClaim\0"
	/*  1720 */ "[]io.k8s.api.core.v1.Sysctl\0"
	/*  1748 */ "[]io.k8s.api.core.v1.Toleration\0"
	/*  1780 */ "[]io.k8s.api.core.v1.Volume\0"
	/*  1808 */ "[]io.k8s.api.core.v1.VolumeDevice\0"
	/*  1842 */ "[]io.k8s.api.core.v1.VolumeMount\0"
	/*  1875 */ "[]io.k8s.api.core.v1.VolumeProjection\0"
	/*  1913 */ "[]io.k8s.api.core.v1.WeightedPodAffinityTerm\0"
	/*  1958 */ "[]io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement\0"
	/*  2022 */ "[]io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry\0"
	/*  2080 */ "[]io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference\0"
	/*  2134 */ "[]string\0"
	/*  2143 */ "accessKeySecret\0"
	/*  2159 */ "accessModes\0"
	/*  2171 */ "accountKeySecret\0"
	/*  2188 */ "action\0"
	/*  2195 */ "active\0"
	/*  2202 */ "activeDeadlineSeconds\0"
	/*  2224 */ "add\0"
	/*  2228 */ "addresses\0"
	/*  2238 */ "addressingStyle\0"
	/*  2254 */ "affinity\0"
	/*  2263 */ "allocatedResourceStatuses\0"
	/*  2289 */ "allocatedResources\0"
	/*  2308 */ "allowPrivilegeEscalation\0"
	/*  2333 */ "annotations\0"
	/*  2345 */ "apiGroup\0"
	/*  2354 */ "apiVersion\0"
	/*  2365 */ "appArmorProfile\0"
	/*  2381 */ "archive\0"
	/*  2389 */ "archiveLocation\0"
	/*  2405 */ "archiveLogs\0"
	/*  2417 */ "args\0"
	/*  2422 */ "arguments\0"
	/*  2432 */ "artifact\0"
	/*  2441 */ "artifactGC\0"
	/*  2452 */ "artifactGCStatus\0"
	/*  2469 */ "artifactPaths\0"
	/*  2483 */ "artifactRepository\0"
	/*  2502 */ "artifactRepositoryRef\0"
	/*  2524 */ "artifactory\0"
	/*  2536 */ "artifacts\0"
	/*  2546 */ "audience\0"
	/*  2555 */ "auth\0"
	/*  2560 */ "automountServiceAccountToken\0"
	/*  2589 */ "awsElasticBlockStore\0"
	/*  2610 */ "azure\0"
	/*  2616 */ "azureDisk\0"
	/*  2626 */ "azureFile\0"
	/*  2636 */ "backoff\0"
	/*  2644 */ "basicAuth\0"
	/*  2654 */ "blob\0"
	/*  2659 */ "blobNameFormat\0"
	/*  2674 */ "blockOwnerDeletion\0"
	/*  2693 */ "body\0"
	/*  2698 */ "bodyFrom\0"
	/*  2707 */ "boolean\0"
	/*  2715 */ "boundaryID\0"
	/*  2726 */ "branch\0"
	/*  2733 */ "bucket\0"
	/*  2740 */ "buckets\0"
	/*  2748 */ "bytes\0"
	/*  2754 */ "caSecret\0"
	/*  2763 */ "cache\0"
	/*  2769 */ "cacheName\0"
	/*  2779 */ "cachingMode\0"
	/*  2791 */ "cap\0"
	/*  2795 */ "capabilities\0"
	/*  2808 */ "capacity\0"
	/*  2817 */ "cephfs\0"
	/*  2824 */ "certificateChainPath\0"
	/*  2845 */ "chapAuthDiscovery\0"
	/*  2863 */ "chapAuthSession\0"
	/*  2879 */ "children\0"
	/*  2888 */ "cinder\0"
	/*  2895 */ "claimName\0"
	/*  2905 */ "claims\0"
	/*  2912 */ "clientCert\0"
	/*  2923 */ "clientCertSecret\0"
	/*  2940 */ "clientIDSecret\0"
	/*  2955 */ "clientKeySecret\0"
	/*  2971 */ "clientSecretSecret\0"
	/*  2990 */ "clusterScope\0"
	/*  3003 */ "clusterTrustBundle\0"
	/*  3022 */ "command\0"
	/*  3030 */ "compressedNodes\0"
	/*  3046 */ "compressionLevel\0"
	/*  3063 */ "concurrencyPolicy\0"
	/*  3081 */ "conditions\0"
	/*  3092 */ "configMap\0"
	/*  3102 */ "configMapKeyRef\0"
	/*  3118 */ "configMapRef\0"
	/*  3131 */ "configuration\0"
	/*  3145 */ "connectionTimeoutSeconds\0"
	/*  3170 */ "container\0"
	/*  3180 */ "containerName\0"
	/*  3194 */ "containerPort\0"
	/*  3208 */ "containerSet\0"
	/*  3221 */ "containers\0"
	/*  3232 */ "continueOn\0"
	/*  3243 */ "controller\0"
	/*  3254 */ "count\0"
	/*  3260 */ "counter\0"
	/*  3268 */ "createBucketIfNotPresent\0"
	/*  3293 */ "creationTimestamp\0"
	/*  3311 */ "credentialBundlePath\0"
	/*  3332 */ "csi\0"
	/*  3336 */ "currentVolumeAttributesClassName\0"
	/*  3369 */ "daemon\0"
	/*  3376 */ "daemoned\0"
	/*  3385 */ "dag\0"
	/*  3389 */ "data\0"
	/*  3394 */ "dataSource\0"
	/*  3405 */ "dataSourceRef\0"
	/*  3419 */ "dataTransferProtection\0"
	/*  3442 */ "database\0"
	/*  3451 */ "datasetName\0"
	/*  3463 */ "datasetUUID\0"
	/*  3475 */ "default\0"
	/*  3483 */ "defaultMode\0"
	/*  3495 */ "deleteDelayDuration\0"
	/*  3515 */ "deleted\0"
	/*  3523 */ "deletionGracePeriodSeconds\0"
	/*  3550 */ "deletionTimestamp\0"
	/*  3568 */ "dependencies\0"
	/*  3581 */ "depends\0"
	/*  3589 */ "depth\0"
	/*  3595 */ "description\0"
	/*  3607 */ "devicePath\0"
	/*  3618 */ "directory\0"
	/*  3628 */ "disableSubmodules\0"
	/*  3646 */ "diskName\0"
	/*  3655 */ "diskURI\0"
	/*  3663 */ "displayName\0"
	/*  3675 */ "divisor\0"
	/*  3683 */ "dnsConfig\0"
	/*  3693 */ "dnsPolicy\0"
	/*  3703 */ "downwardAPI\0"
	/*  3715 */ "driver\0"
	/*  3722 */ "drop\0"
	/*  3727 */ "duration\0"
	/*  3736 */ "effect\0"
	/*  3743 */ "emptyDir\0"
	/*  3752 */ "enableEncryption\0"
	/*  3769 */ "encryptionOptions\0"
	/*  3787 */ "end\0"
	/*  3791 */ "endpoint\0"
	/*  3800 */ "endpointParams\0"
	/*  3815 */ "endpoints\0"
	/*  3825 */ "entrypoint\0"
	/*  3836 */ "enum\0"
	/*  3841 */ "env\0"
	/*  3845 */ "envFrom\0"
	/*  3853 */ "ephemeral\0"
	/*  3863 */ "error\0"
	/*  3869 */ "estimatedDuration\0"
	/*  3887 */ "event\0"
	/*  3893 */ "exec\0"
	/*  3898 */ "executor\0"
	/*  3907 */ "executorPlugins\0"
	/*  3923 */ "exitCode\0"
	/*  3932 */ "exitCodes\0"
	/*  3942 */ "expirationSeconds\0"
	/*  3960 */ "expression\0"
	/*  3971 */ "factor\0"
	/*  3978 */ "failFast\0"
	/*  3987 */ "failed\0"
	/*  3994 */ "failedJobsHistoryLimit\0"
	/*  4017 */ "failedPodRestarts\0"
	/*  4035 */ "failureCondition\0"
	/*  4052 */ "failureThreshold\0"
	/*  4069 */ "fc\0"
	/*  4072 */ "fetch\0"
	/*  4078 */ "fieldPath\0"
	/*  4088 */ "fieldRef\0"
	/*  4097 */ "fieldsType\0"
	/*  4108 */ "fieldsV1\0"
	/*  4117 */ "fileKeyRef\0"
	/*  4128 */ "finalizers\0"
	/*  4139 */ "finishedAt\0"
	/*  4150 */ "flags\0"
	/*  4156 */ "flexVolume\0"
	/*  4167 */ "flocker\0"
	/*  4175 */ "force\0"
	/*  4181 */ "forceFinalizerRemoval\0"
	/*  4203 */ "format\0"
	/*  4210 */ "from\0"
	/*  4215 */ "fromExpression\0"
	/*  4230 */ "fsGroup\0"
	/*  4238 */ "fsGroupChangePolicy\0"
	/*  4258 */ "fsType\0"
	/*  4265 */ "gateway\0"
	/*  4273 */ "gauge\0"
	/*  4279 */ "gcePersistentDisk\0"
	/*  4297 */ "gcs\0"
	/*  4301 */ "generateName\0"
	/*  4314 */ "generation\0"
	/*  4325 */ "git\0"
	/*  4329 */ "gitRepo\0"
	/*  4337 */ "globalName\0"
	/*  4348 */ "glusterfs\0"
	/*  4358 */ "gmsaCredentialSpec\0"
	/*  4377 */ "gmsaCredentialSpecName\0"
	/*  4400 */ "group\0"
	/*  4406 */ "grpc\0"
	/*  4411 */ "hdfs\0"
	/*  4416 */ "hdfsUser\0"
	/*  4425 */ "headers\0"
	/*  4433 */ "help\0"
	/*  4438 */ "histogram\0"
	/*  4448 */ "hit\0"
	/*  4452 */ "holder\0"
	/*  4459 */ "holders\0"
	/*  4467 */ "holding\0"
	/*  4475 */ "hooked\0"
	/*  4482 */ "hooks\0"
	/*  4488 */ "host\0"
	/*  4493 */ "hostAliases\0"
	/*  4505 */ "hostIP\0"
	/*  4512 */ "hostNetwork\0"
	/*  4524 */ "hostNodeName\0"
	/*  4537 */ "hostPath\0"
	/*  4546 */ "hostPort\0"
	/*  4555 */ "hostProcess\0"
	/*  4567 */ "hostnames\0"
	/*  4577 */ "http\0"
	/*  4582 */ "httpGet\0"
	/*  4590 */ "httpHeaders\0"
	/*  4602 */ "id\0"
	/*  4605 */ "image\0"
	/*  4611 */ "imagePullPolicy\0"
	/*  4627 */ "imagePullSecrets\0"
	/*  4644 */ "initContainers\0"
	/*  4659 */ "initialDelaySeconds\0"
	/*  4679 */ "initiatorName\0"
	/*  4693 */ "inline\0"
	/*  4700 */ "inputs\0"
	/*  4707 */ "insecure\0"
	/*  4716 */ "insecureIgnoreHostKey\0"
	/*  4738 */ "insecureSkipTLS\0"
	/*  4754 */ "insecureSkipVerify\0"
	/*  4773 */ "integer\0"
	/*  4781 */ "io.argoproj.workflow.v1alpha1.Amount\0"
	/*  4818 */ "io.argoproj.workflow.v1alpha1.ArchiveStrategy\0"
	/*  4864 */ "io.argoproj.workflow.v1alpha1.Arguments\0"
	/*  4904 */ "io.argoproj.workflow.v1alpha1.ArtGCStatus\0"
	/*  4946 */ "io.argoproj.workflow.v1alpha1.Artifact\0"
	/*  4985 */ "io.argoproj.workflow.v1alpha1.ArtifactGC\0"
	/*  5026 */ "io.argoproj.workflow.v1alpha1.ArtifactLocation\0"
	/*  5073 */ "io.argoproj.workflow.v1alpha1.ArtifactPaths\0"
	/*  5117 */ "io.argoproj.workflow.v1alpha1.ArtifactRepository\0"
	/*  5166 */ "io.argoproj.workflow.v1alpha1.ArtifactRepositoryRef\0"
	/*  5218 */ "io.argoproj.workflow.v1alpha1.ArtifactRepositoryRefStatus\0"
	/*  5276 */ "io.argoproj.workflow.v1alpha1.ArtifactoryArtifact\0"
	/*  5326 */ "io.argoproj.workflow.v1alpha1.ArtifactoryArtifactRepository\0"
	/*  5386 */ "io.argoproj.workflow.v1alpha1.AzureArtifact\0"
	/*  5430 */ "io.argoproj.workflow.v1alpha1.AzureArtifactRepository\0"
	/*  5484 */ "io.argoproj.workflow.v1alpha1.Backoff\0"
	/*  5522 */ "io.argoproj.workflow.v1alpha1.BasicAuth\0"
	/*  5562 */ "io.argoproj.workflow.v1alpha1.Cache\0"
	/*  5598 */ "io.argoproj.workflow.v1alpha1.ClientCertAuth\0"
	/*  5643 */ "io.argoproj.workflow.v1alpha1.ClusterWorkflowTemplate\0"
	/*  5697 */ "io.argoproj.workflow.v1alpha1.Condition\0"
	/*  5737 */ "io.argoproj.workflow.v1alpha1.ContainerNode\0"
	/*  5781 */ "io.argoproj.workflow.v1alpha1.ContainerSetRetryStrategy\0"
	/*  5837 */ "io.argoproj.workflow.v1alpha1.ContainerSetTemplate\0"
	/*  5888 */ "io.argoproj.workflow.v1alpha1.ContinueOn\0"
	/*  5929 */ "io.argoproj.workflow.v1alpha1.Counter\0"
	/*  5967 */ "io.argoproj.workflow.v1alpha1.CreateS3BucketOptions\0"
	/*  6019 */ "io.argoproj.workflow.v1alpha1.CronWorkflow\0"
	/*  6062 */ "io.argoproj.workflow.v1alpha1.CronWorkflowSpec\0"
	/*  6109 */ "io.argoproj.workflow.v1alpha1.CronWorkflowStatus\0"
	/*  6158 */ "io.argoproj.workflow.v1alpha1.DAGTask\0"
	/*  6196 */ "io.argoproj.workflow.v1alpha1.DAGTemplate\0"
	/*  6238 */ "io.argoproj.workflow.v1alpha1.Data\0"
	/*  6273 */ "io.argoproj.workflow.v1alpha1.DataSource\0"
	/*  6314 */ "io.argoproj.workflow.v1alpha1.ExecutorConfig\0"
	/*  6359 */ "io.argoproj.workflow.v1alpha1.ExecutorPlugin\0"
	/*  6404 */ "io.argoproj.workflow.v1alpha1.ExecutorPluginSidecar\0"
	/*  6456 */ "io.argoproj.workflow.v1alpha1.ExecutorPluginSpec\0"
	/*  6505 */ "io.argoproj.workflow.v1alpha1.GCSArtifact\0"
	/*  6547 */ "io.argoproj.workflow.v1alpha1.GCSArtifactRepository\0"
	/*  6599 */ "io.argoproj.workflow.v1alpha1.Gauge\0"
	/*  6635 */ "io.argoproj.workflow.v1alpha1.GitArtifact\0"
	/*  6677 */ "io.argoproj.workflow.v1alpha1.HDFSArtifact\0"
	/*  6720 */ "io.argoproj.workflow.v1alpha1.HDFSArtifactRepository\0"
	/*  6773 */ "io.argoproj.workflow.v1alpha1.HTTP\0"
	/*  6808 */ "io.argoproj.workflow.v1alpha1.HTTPArtifact\0"
	/*  6851 */ "io.argoproj.workflow.v1alpha1.HTTPAuth\0"
	/*  6890 */ "io.argoproj.workflow.v1alpha1.HTTPBodySource\0"
	/*  6935 */ "io.argoproj.workflow.v1alpha1.HTTPHeader\0"
	/*  6976 */ "io.argoproj.workflow.v1alpha1.HTTPHeaderSource\0"
	/*  7023 */ "io.argoproj.workflow.v1alpha1.Header\0"
	/*  7060 */ "io.argoproj.workflow.v1alpha1.Histogram\0"
	/*  7100 */ "io.argoproj.workflow.v1alpha1.Inputs\0"
	/*  7137 */ "io.argoproj.workflow.v1alpha1.Item\0"
	/*  7172 */ "io.argoproj.workflow.v1alpha1.LabelValueFrom\0"
	/*  7217 */ "io.argoproj.workflow.v1alpha1.LifecycleHook\0"
	/*  7261 */ "io.argoproj.workflow.v1alpha1.ManifestFrom\0"
	/*  7304 */ "io.argoproj.workflow.v1alpha1.MemoizationStatus\0"
	/*  7352 */ "io.argoproj.workflow.v1alpha1.Memoize\0"
	/*  7390 */ "io.argoproj.workflow.v1alpha1.Metadata\0"
	/*  7429 */ "io.argoproj.workflow.v1alpha1.MetricLabel\0"
	/*  7471 */ "io.argoproj.workflow.v1alpha1.Metrics\0"
	/*  7509 */ "io.argoproj.workflow.v1alpha1.Mutex\0"
	/*  7545 */ "io.argoproj.workflow.v1alpha1.MutexHolding\0"
	/*  7588 */ "io.argoproj.workflow.v1alpha1.MutexStatus\0"
	/*  7630 */ "io.argoproj.workflow.v1alpha1.NodeFlag\0"
	/*  7669 */ "io.argoproj.workflow.v1alpha1.NodeStatus\0"
	/*  7710 */ "io.argoproj.workflow.v1alpha1.NodeSynchronizationStatus\0"
	/*  7766 */ "io.argoproj.workflow.v1alpha1.NoneStrategy\0"
	/*  7809 */ "io.argoproj.workflow.v1alpha1.OAuth2Auth\0"
	/*  7850 */ "io.argoproj.workflow.v1alpha1.OAuth2EndpointParam\0"
	/*  7900 */ "io.argoproj.workflow.v1alpha1.OSSArtifact\0"
	/*  7942 */ "io.argoproj.workflow.v1alpha1.OSSArtifactRepository\0"
	/*  7994 */ "io.argoproj.workflow.v1alpha1.OSSLifecycleRule\0"
	/*  8041 */ "io.argoproj.workflow.v1alpha1.Outputs\0"
	/*  8079 */ "io.argoproj.workflow.v1alpha1.ParallelSteps\0"
	/*  8123 */ "io.argoproj.workflow.v1alpha1.Parameter\0"
	/*  8163 */ "io.argoproj.workflow.v1alpha1.Plugin\0"
	/*  8200 */ "io.argoproj.workflow.v1alpha1.PluginArtifact\0"
	/*  8245 */ "io.argoproj.workflow.v1alpha1.PluginArtifactRepository\0"
	/*  8300 */ "io.argoproj.workflow.v1alpha1.PodGC\0"
	/*  8336 */ "io.argoproj.workflow.v1alpha1.Prometheus\0"
	/*  8377 */ "io.argoproj.workflow.v1alpha1.RawArtifact\0"
	/*  8419 */ "io.argoproj.workflow.v1alpha1.ResourceTemplate\0"
	/*  8466 */ "io.argoproj.workflow.v1alpha1.RetryAffinity\0"
	/*  8510 */ "io.argoproj.workflow.v1alpha1.RetryNodeAntiAffinity\0"
	/*  8562 */ "io.argoproj.workflow.v1alpha1.RetryStrategy\0"
	/*  8606 */ "io.argoproj.workflow.v1alpha1.S3Artifact\0"
	/*  8647 */ "io.argoproj.workflow.v1alpha1.S3ArtifactRepository\0"
	/*  8698 */ "io.argoproj.workflow.v1alpha1.S3EncryptionOptions\0"
	/*  8748 */ "io.argoproj.workflow.v1alpha1.ScriptTemplate\0"
	/*  8793 */ "io.argoproj.workflow.v1alpha1.SemaphoreHolding\0"
	/*  8840 */ "io.argoproj.workflow.v1alpha1.SemaphoreRef\0"
	/*  8883 */ "io.argoproj.workflow.v1alpha1.SemaphoreStatus\0"
	/*  8929 */ "io.argoproj.workflow.v1alpha1.Sequence\0"
	/*  8968 */ "io.argoproj.workflow.v1alpha1.StopStrategy\0"
	/*  9011 */ "io.argoproj.workflow.v1alpha1.SuppliedValueFrom\0"
	/*  9059 */ "io.argoproj.workflow.v1alpha1.SuspendTemplate\0"
	/*  9105 */ "io.argoproj.workflow.v1alpha1.SyncDatabaseRef\0"
	/*  9151 */ "io.argoproj.workflow.v1alpha1.Synchronization\0"
	/*  9197 */ "io.argoproj.workflow.v1alpha1.SynchronizationStatus\0"
	/*  9249 */ "io.argoproj.workflow.v1alpha1.TTLStrategy\0"
	/*  9291 */ "io.argoproj.workflow.v1alpha1.TarStrategy\0"
	/*  9333 */ "io.argoproj.workflow.v1alpha1.Template\0"
	/*  9372 */ "io.argoproj.workflow.v1alpha1.TemplateRef\0"
	/*  9414 */ "io.argoproj.workflow.v1alpha1.TransformationStep\0"
	/*  9463 */ "io.argoproj.workflow.v1alpha1.UserContainer\0"
	/*  9507 */ "io.argoproj.workflow.v1alpha1.ValueFrom\0"
	/*  9547 */ "io.argoproj.workflow.v1alpha1.VolumeClaimGC\0"
	/*  9591 */ "io.argoproj.workflow.v1alpha1.Workflow\0"
	/*  9630 */ "io.argoproj.workflow.v1alpha1.WorkflowLevelArtifactGC\0"
	/*  9684 */ "io.argoproj.workflow.v1alpha1.WorkflowMetadata\0"
	/*  9731 */ "io.argoproj.workflow.v1alpha1.WorkflowSpec\0"
	/*  9774 */ "io.argoproj.workflow.v1alpha1.WorkflowStatus\0"
	/*  9819 */ "io.argoproj.workflow.v1alpha1.WorkflowStep\0"
	/*  9862 */ "io.argoproj.workflow.v1alpha1.WorkflowTemplate\0"
	/*  9909 */ "io.argoproj.workflow.v1alpha1.WorkflowTemplateRef\0"
	/*  9959 */ "io.argoproj.workflow.v1alpha1.ZipStrategy\0"
	/* 10001 */ "io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource\0"
	/* 10053 */ "io.k8s.api.core.v1.Affinity\0"
	/* 10081 */ "io.k8s.api.core.v1.AppArmorProfile\0"
	/* 10116 */ "io.k8s.api.core.v1.AzureDiskVolumeSource\0"
	/* 10157 */ "io.k8s.api.core.v1.AzureFileVolumeSource\0"
	/* 10198 */ "io.k8s.api.core.v1.CSIVolumeSource\0"
	/* 10233 */ "io.k8s.api.core.v1.Capabilities\0"
	/* 10265 */ "io.k8s.api.core.v1.CephFSVolumeSource\0"
	/* 10303 */ "io.k8s.api.core.v1.CinderVolumeSource\0"
	/* 10341 */ "io.k8s.api.core.v1.ClusterTrustBundleProjection\0"
	/* 10389 */ "io.k8s.api.core.v1.ConfigMapEnvSource\0"
	/* 10427 */ "io.k8s.api.core.v1.ConfigMapKeySelector\0"
	/* 10467 */ "io.k8s.api.core.v1.ConfigMapProjection\0"
	/* 10506 */ "io.k8s.api.core.v1.ConfigMapVolumeSource\0"
	/* 10547 */ "io.k8s.api.core.v1.Container\0"
	/* 10576 */ "io.k8s.api.core.v1.ContainerPort\0"
	/* 10609 */ "io.k8s.api.core.v1.ContainerResizePolicy\0"
	/* 10650 */ "io.k8s.api.core.v1.ContainerRestartRule\0"
	/* 10690 */ "io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes\0"
	/* 10741 */ "io.k8s.api.core.v1.DownwardAPIProjection\0"
	/* 10782 */ "io.k8s.api.core.v1.DownwardAPIVolumeFile\0"
	/* 10823 */ "io.k8s.api.core.v1.DownwardAPIVolumeSource\0"
	/* 10866 */ "io.k8s.api.core.v1.EmptyDirVolumeSource\0"
	/* 10906 */ "io.k8s.api.core.v1.EnvFromSource\0"
	/* 10939 */ "io.k8s.api.core.v1.EnvVar\0"
	/* 10965 */ "io.k8s.api.core.v1.EnvVarSource\0"
	/* 10997 */ "io.k8s.api.core.v1.EphemeralVolumeSource\0"
	/* 11038 */ "io.k8s.api.core.v1.ExecAction\0"
	/* 11068 */ "io.k8s.api.core.v1.FCVolumeSource\0"
	/* 11102 */ "io.k8s.api.core.v1.FileKeySelector\0"
	/* 11137 */ "io.k8s.api.core.v1.FlexVolumeSource\0"
	/* 11173 */ "io.k8s.api.core.v1.FlockerVolumeSource\0"
	/* 11212 */ "io.k8s.api.core.v1.GCEPersistentDiskVolumeSource\0"
	/* 11261 */ "io.k8s.api.core.v1.GRPCAction\0"
	/* 11291 */ "io.k8s.api.core.v1.GitRepoVolumeSource\0"
	/* 11330 */ "io.k8s.api.core.v1.GlusterfsVolumeSource\0"
	/* 11371 */ "io.k8s.api.core.v1.HTTPGetAction\0"
	/* 11404 */ "io.k8s.api.core.v1.HTTPHeader\0"
	/* 11434 */ "io.k8s.api.core.v1.HostAlias\0"
	/* 11463 */ "io.k8s.api.core.v1.HostPathVolumeSource\0"
	/* 11503 */ "io.k8s.api.core.v1.ISCSIVolumeSource\0"
	/* 11540 */ "io.k8s.api.core.v1.ImageVolumeSource\0"
	/* 11577 */ "io.k8s.api.core.v1.KeyToPath\0"
	/* 11606 */ "io.k8s.api.core.v1.Lifecycle\0"
	/* 11635 */ "io.k8s.api.core.v1.LifecycleHandler\0"
	/* 11671 */ "io.k8s.api.core.v1.LocalObjectReference\0"
	/* 11711 */ "io.k8s.api.core.v1.ModifyVolumeStatus\0"
	/* 11749 */ "io.k8s.api.core.v1.NFSVolumeSource\0"
	/* 11784 */ "io.k8s.api.core.v1.NodeAffinity\0"
	/* 11816 */ "io.k8s.api.core.v1.NodeSelector\0"
	/* 11848 */ "io.k8s.api.core.v1.NodeSelectorRequirement\0"
	/* 11891 */ "io.k8s.api.core.v1.NodeSelectorTerm\0"
	/* 11927 */ "io.k8s.api.core.v1.ObjectFieldSelector\0"
	/* 11966 */ "io.k8s.api.core.v1.ObjectReference\0"
	/* 12001 */ "io.k8s.api.core.v1.PersistentVolumeClaim\0"
	/* 12042 */ "io.k8s.api.core.v1.PersistentVolumeClaimCondition\0"
	/* 12092 */ "io.k8s.api.core.v1.PersistentVolumeClaimSpec\0"
	/* 12137 */ "io.k8s.api.core.v1.PersistentVolumeClaimStatus\0"
	/* 12184 */ "io.k8s.api.core.v1.PersistentVolumeClaimTemplate\0"
	/* 12233 */ "io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource\0"
	/* 12286 */ "io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource\0"
	/* 12338 */ "io.k8s.api.core.v1.PodAffinity\0"
	/* 12369 */ "io.k8s.api.core.v1.PodAffinityTerm\0"
	/* 12404 */ "io.k8s.api.core.v1.PodAntiAffinity\0"
	/* 12439 */ "io.k8s.api.core.v1.PodCertificateProjection\0"
	/* 12483 */ "io.k8s.api.core.v1.PodDNSConfig\0"
	/* 12515 */ "io.k8s.api.core.v1.PodDNSConfigOption\0"
	/* 12553 */ "io.k8s.api.core.v1.PodResourceClaim\0"
	/* 12589 */ "io.k8s.api.core.v1.PodSecurityContext\0"
	/* 12627 */ "io.k8s.api.core.v1.PortworxVolumeSource\0"
	/* 12667 */ "io.k8s.api.core.v1.PreferredSchedulingTerm\0"
	/* 12710 */ "io.k8s.api.core.v1.Probe\0"
	/* 12735 */ "io.k8s.api.core.v1.ProjectedVolumeSource\0"
	/* 12776 */ "io.k8s.api.core.v1.QuobyteVolumeSource\0"
	/* 12815 */ "io.k8s.api.core.v1.RBDVolumeSource\0"
	/* 12850 */ "io.k8s.api.core.v1.ResourceClaim\0"
	/* 12883 */ "io.k8s.api.core.v1.ResourceFieldSelector\0"
	/* 12924 */ "io.k8s.api.core.v1.ResourceRequirements\0"
	/* 12964 */ "io.k8s.api.core.v1.SELinuxOptions\0"
	/* 12998 */ "io.k8s.api.core.v1.ScaleIOVolumeSource\0"
	/* 13037 */ "io.k8s.api.core.v1.SeccompProfile\0"
	/* 13071 */ "io.k8s.api.core.v1.SecretEnvSource\0"
	/* 13106 */ "io.k8s.api.core.v1.SecretKeySelector\0"
	/* 13143 */ "io.k8s.api.core.v1.SecretProjection\0"
	/* 13179 */ "io.k8s.api.core.v1.SecretVolumeSource\0"
	/* 13217 */ "io.k8s.api.core.v1.SecurityContext\0"
	/* 13252 */ "io.k8s.api.core.v1.ServiceAccountTokenProjection\0"
	/* 13301 */ "io.k8s.api.core.v1.SleepAction\0"
	/* 13332 */ "io.k8s.api.core.v1.StorageOSVolumeSource\0"
	/* 13373 */ "io.k8s.api.core.v1.Sysctl\0"
	/* 13399 */ "io.k8s.api.core.v1.TCPSocketAction\0"
	/* 13434 */ "io.k8s.api.core.v1.Toleration\0"
	/* 13464 */ "io.k8s.api.core.v1.TypedLocalObjectReference\0"
	/* 13509 */ "io.k8s.api.core.v1.TypedObjectReference\0"
	/* 13549 */ "io.k8s.api.core.v1.Volume\0"
	/* 13575 */ "io.k8s.api.core.v1.VolumeDevice\0"
	/* 13607 */ "io.k8s.api.core.v1.VolumeMount\0"
	/* 13638 */ "io.k8s.api.core.v1.VolumeProjection\0"
	/* 13674 */ "io.k8s.api.core.v1.VolumeResourceRequirements\0"
	/* 13720 */ "io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource\0"
	/* 13770 */ "io.k8s.api.core.v1.WeightedPodAffinityTerm\0"
	/* 13813 */ "io.k8s.api.core.v1.WindowsSecurityContextOptions\0"
	/* 13862 */ "io.k8s.api.policy.v1.PodDisruptionBudgetSpec\0"
	/* 13907 */ "io.k8s.apimachinery.pkg.api.resource.Quantity\0"
	/* 13953 */ "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1\0"
	/* 13999 */ "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector\0"
	/* 14050 */ "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement\0"
	/* 14112 */ "io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry\0"
	/* 14168 */ "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta\0"
	/* 14216 */ "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference\0"
	/* 14268 */ "io.k8s.apimachinery.pkg.apis.meta.v1.Time\0"
	/* 14310 */ "io.k8s.apimachinery.pkg.util.intstr.IntOrString\0"
	/* 14358 */ "ip\0"
	/* 14361 */ "iqn\0"
	/* 14365 */ "iscsi\0"
	/* 14371 */ "iscsiInterface\0"
	/* 14386 */ "items\0"
	/* 14392 */ "jqFilter\0"
	/* 14401 */ "jsonPath\0"
	/* 14410 */ "key\0"
	/* 14414 */ "keyFormat\0"
	/* 14424 */ "keyPath\0"
	/* 14432 */ "keyPrefix\0"
	/* 14442 */ "keyType\0"
	/* 14450 */ "keyring\0"
	/* 14458 */ "kind\0"
	/* 14463 */ "kmsEncryptionContext\0"
	/* 14484 */ "kmsKeyId\0"
	/* 14493 */ "krbCCacheSecret\0"
	/* 14509 */ "krbConfigConfigMap\0"
	/* 14528 */ "krbKeytabSecret\0"
	/* 14544 */ "krbRealm\0"
	/* 14553 */ "krbServicePrincipalName\0"
	/* 14577 */ "krbUsername\0"
	/* 14589 */ "labelSelector\0"
	/* 14603 */ "labels\0"
	/* 14610 */ "labelsFrom\0"
	/* 14621 */ "lastProbeTime\0"
	/* 14635 */ "lastScheduledTime\0"
	/* 14653 */ "lastTransitionTime\0"
	/* 14672 */ "level\0"
	/* 14678 */ "lifecycle\0"
	/* 14688 */ "lifecycleRule\0"
	/* 14702 */ "limit\0"
	/* 14708 */ "limits\0"
	/* 14715 */ "livenessProbe\0"
	/* 14729 */ "localhostProfile\0"
	/* 14746 */ "lun\0"
	/* 14750 */ "managedFields\0"
	/* 14764 */ "manager\0"
	/* 14772 */ "manifest\0"
	/* 14781 */ "manifestFrom\0"
	/* 14794 */ "map[string]boolean\0"
	/* 14813 */ "map[string]integer\0"
	/* 14832 */ "map[string]io.argoproj.workflow.v1alpha1.LabelValueFrom\0"
	/* 14888 */ "map[string]io.argoproj.workflow.v1alpha1.LifecycleHook\0"
	/* 14943 */ "map[string]io.argoproj.workflow.v1alpha1.NodeStatus\0"
	/* 14995 */ "map[string]io.argoproj.workflow.v1alpha1.Template\0"
	/* 15045 */ "map[string]io.k8s.apimachinery.pkg.api.resource.Quantity\0"
	/* 15102 */ "map[string]string\0"
	/* 15120 */ "markDeletionAfterDays\0"
	/* 15142 */ "markInfrequentAccessAfterDays\0"
	/* 15172 */ "matchExpressions\0"
	/* 15189 */ "matchFields\0"
	/* 15201 */ "matchLabelKeys\0"
	/* 15216 */ "matchLabels\0"
	/* 15228 */ "maxAge\0"
	/* 15235 */ "maxDuration\0"
	/* 15247 */ "maxExpirationSeconds\0"
	/* 15268 */ "maxUnavailable\0"
	/* 15283 */ "medium\0"
	/* 15290 */ "memoizationStatus\0"
	/* 15308 */ "memoize\0"
	/* 15316 */ "mergeStrategy\0"
	/* 15330 */ "message\0"
	/* 15338 */ "metadata\0"
	/* 15347 */ "method\0"
	/* 15354 */ "metrics\0"
	/* 15362 */ "minAvailable\0"
	/* 15375 */ "mirrorVolumeMounts\0"
	/* 15394 */ "mismatchLabelKeys\0"
	/* 15412 */ "mode\0"
	/* 15417 */ "modifyVolumeStatus\0"
	/* 15436 */ "monitors\0"
	/* 15445 */ "mountPath\0"
	/* 15455 */ "mountPropagation\0"
	/* 15472 */ "mutex\0"
	/* 15478 */ "mutexes\0"
	/* 15486 */ "name\0"
	/* 15491 */ "nameservers\0"
	/* 15503 */ "namespace\0"
	/* 15513 */ "namespaceSelector\0"
	/* 15531 */ "namespaces\0"
	/* 15542 */ "nfs\0"
	/* 15546 */ "nodeAffinity\0"
	/* 15559 */ "nodeAntiAffinity\0"
	/* 15576 */ "nodeFlag\0"
	/* 15585 */ "nodePublishSecretRef\0"
	/* 15606 */ "nodeSelector\0"
	/* 15619 */ "nodeSelectorTerms\0"
	/* 15637 */ "nodes\0"
	/* 15643 */ "none\0"
	/* 15648 */ "notSpecified\0"
	/* 15661 */ "oauth2\0"
	/* 15668 */ "objectLocking\0"
	/* 15682 */ "offloadNodeStatusVersion\0"
	/* 15707 */ "onExit\0"
	/* 15714 */ "operation\0"
	/* 15724 */ "operator\0"
	/* 15733 */ "optional\0"
	/* 15742 */ "options\0"
	/* 15750 */ "oss\0"
	/* 15754 */ "outboundNodes\0"
	/* 15768 */ "outputs\0"
	/* 15776 */ "ownerReferences\0"
	/* 15792 */ "parallelism\0"
	/* 15804 */ "parameter\0"
	/* 15814 */ "parameters\0"
	/* 15825 */ "partition\0"
	/* 15835 */ "passwordSecret\0"
	/* 15850 */ "path\0"
	/* 15855 */ "pathFormat\0"
	/* 15866 */ "pdID\0"
	/* 15871 */ "pdName\0"
	/* 15878 */ "pendingTimeout\0"
	/* 15893 */ "periodSeconds\0"
	/* 15907 */ "persistentVolumeClaim\0"
	/* 15929 */ "persistentVolumeClaims\0"
	/* 15952 */ "phase\0"
	/* 15958 */ "photonPersistentDisk\0"
	/* 15979 */ "plugin\0"
	/* 15986 */ "podAffinity\0"
	/* 15998 */ "podAffinityTerm\0"
	/* 16014 */ "podAntiAffinity\0"
	/* 16030 */ "podCertificate\0"
	/* 16045 */ "podDisruptionBudget\0"
	/* 16065 */ "podGC\0"
	/* 16071 */ "podIP\0"
	/* 16077 */ "podMetadata\0"
	/* 16089 */ "podPriorityClassName\0"
	/* 16110 */ "podResources\0"
	/* 16123 */ "podSpecPatch\0"
	/* 16136 */ "podsRecouped\0"
	/* 16149 */ "pool\0"
	/* 16154 */ "port\0"
	/* 16159 */ "portals\0"
	/* 16167 */ "ports\0"
	/* 16173 */ "portworxVolume\0"
	/* 16188 */ "postStart\0"
	/* 16198 */ "preStop\0"
	/* 16206 */ "preference\0"
	/* 16217 */ "preferredDuringSchedulingIgnoredDuringExecution\0"
	/* 16265 */ "prefix\0"
	/* 16272 */ "priority\0"
	/* 16281 */ "priorityClassName\0"
	/* 16299 */ "privileged\0"
	/* 16310 */ "procMount\0"
	/* 16320 */ "progress\0"
	/* 16329 */ "projected\0"
	/* 16339 */ "prometheus\0"
	/* 16350 */ "protectionDomain\0"
	/* 16367 */ "protocol\0"
	/* 16376 */ "pullPolicy\0"
	/* 16387 */ "quobyte\0"
	/* 16395 */ "raw\0"
	/* 16399 */ "rbd\0"
	/* 16403 */ "readOnly\0"
	/* 16412 */ "readOnlyRootFilesystem\0"
	/* 16435 */ "readinessProbe\0"
	/* 16450 */ "realtime\0"
	/* 16459 */ "reason\0"
	/* 16466 */ "recurseMode\0"
	/* 16478 */ "recursiveReadOnly\0"
	/* 16496 */ "reference\0"
	/* 16506 */ "region\0"
	/* 16513 */ "registry\0"
	/* 16522 */ "repo\0"
	/* 16527 */ "repoURL\0"
	/* 16535 */ "repository\0"
	/* 16546 */ "request\0"
	/* 16554 */ "requests\0"
	/* 16563 */ "requiredDuringSchedulingIgnoredDuringExecution\0"
	/* 16610 */ "resizePolicy\0"
	/* 16623 */ "resource\0"
	/* 16632 */ "resourceClaimName\0"
	/* 16650 */ "resourceClaimTemplateName\0"
	/* 16676 */ "resourceClaims\0"
	/* 16691 */ "resourceFieldRef\0"
	/* 16708 */ "resourceName\0"
	/* 16721 */ "resourceVersion\0"
	/* 16737 */ "resources\0"
	/* 16747 */ "resourcesDuration\0"
	/* 16765 */ "restartPolicy\0"
	/* 16779 */ "restartPolicyRules\0"
	/* 16798 */ "restartingPodUID\0"
	/* 16815 */ "result\0"
	/* 16822 */ "retried\0"
	/* 16830 */ "retries\0"
	/* 16838 */ "retryPolicy\0"
	/* 16850 */ "retryStrategy\0"
	/* 16864 */ "revision\0"
	/* 16873 */ "role\0"
	/* 16878 */ "roleARN\0"
	/* 16886 */ "runAsGroup\0"
	/* 16897 */ "runAsNonRoot\0"
	/* 16910 */ "runAsUser\0"
	/* 16920 */ "runAsUserName\0"
	/* 16934 */ "s3\0"
	/* 16937 */ "saveStreamViaFile\0"
	/* 16955 */ "scaleIO\0"
	/* 16963 */ "schedulerName\0"
	/* 16977 */ "schedules\0"
	/* 16987 */ "scheme\0"
	/* 16994 */ "scopes\0"
	/* 17001 */ "script\0"
	/* 17008 */ "seLinuxChangePolicy\0"
	/* 17028 */ "seLinuxOptions\0"
	/* 17043 */ "searches\0"
	/* 17052 */ "seccompProfile\0"
	/* 17067 */ "seconds\0"
	/* 17075 */ "secondsAfterCompletion\0"
	/* 17098 */ "secondsAfterFailure\0"
	/* 17118 */ "secondsAfterSuccess\0"
	/* 17138 */ "secret\0"
	/* 17145 */ "secretFile\0"
	/* 17156 */ "secretKeyRef\0"
	/* 17169 */ "secretKeySecret\0"
	/* 17185 */ "secretName\0"
	/* 17196 */ "secretRef\0"
	/* 17206 */ "securityContext\0"
	/* 17222 */ "securityToken\0"
	/* 17236 */ "selector\0"
	/* 17245 */ "selfLink\0"
	/* 17254 */ "semaphore\0"
	/* 17264 */ "semaphores\0"
	/* 17275 */ "server\0"
	/* 17282 */ "serverSideCustomerKeySecret\0"
	/* 17310 */ "service\0"
	/* 17318 */ "serviceAccountKeySecret\0"
	/* 17342 */ "serviceAccountName\0"
	/* 17361 */ "serviceAccountToken\0"
	/* 17381 */ "sessionTokenSecret\0"
	/* 17400 */ "setOwnerReference\0"
	/* 17418 */ "shareName\0"
	/* 17428 */ "shutdown\0"
	/* 17437 */ "sidecar\0"
	/* 17445 */ "sidecars\0"
	/* 17454 */ "signerName\0"
	/* 17465 */ "singleBranch\0"
	/* 17478 */ "sizeLimit\0"
	/* 17488 */ "sleep\0"
	/* 17494 */ "source\0"
	/* 17501 */ "sources\0"
	/* 17509 */ "spec\0"
	/* 17514 */ "sshPrivateKeySecret\0"
	/* 17534 */ "sslEnabled\0"
	/* 17545 */ "start\0"
	/* 17551 */ "startedAt\0"
	/* 17561 */ "startingDeadlineSeconds\0"
	/* 17585 */ "startupProbe\0"
	/* 17598 */ "status\0"
	/* 17605 */ "stdin\0"
	/* 17611 */ "stdinOnce\0"
	/* 17621 */ "steps\0"
	/* 17627 */ "stopSignal\0"
	/* 17638 */ "stopStrategy\0"
	/* 17651 */ "storageClassName\0"
	/* 17668 */ "storageMode\0"
	/* 17680 */ "storagePolicyID\0"
	/* 17696 */ "storagePolicyName\0"
	/* 17714 */ "storagePool\0"
	/* 17726 */ "storageos\0"
	/* 17736 */ "storedTemplates\0"
	/* 17752 */ "storedWorkflowTemplateSpec\0"
	/* 17779 */ "strategiesProcessed\0"
	/* 17799 */ "strategy\0"
	/* 17808 */ "string\0"
	/* 17815 */ "subPath\0"
	/* 17823 */ "subPathExpr\0"
	/* 17835 */ "subresource\0"
	/* 17847 */ "succeeded\0"
	/* 17857 */ "successCondition\0"
	/* 17874 */ "successThreshold\0"
	/* 17891 */ "successfulJobsHistoryLimit\0"
	/* 17918 */ "supplementalGroups\0"
	/* 17937 */ "supplementalGroupsPolicy\0"
	/* 17962 */ "supplied\0"
	/* 17971 */ "suspend\0"
	/* 17979 */ "synchronization\0"
	/* 17995 */ "synchronizationStatus\0"
	/* 18017 */ "sysctls\0"
	/* 18025 */ "system\0"
	/* 18032 */ "tar\0"
	/* 18036 */ "target\0"
	/* 18043 */ "targetPortal\0"
	/* 18056 */ "targetVolumeAttributesClassName\0"
	/* 18088 */ "targetWWNs\0"
	/* 18099 */ "taskResultSynced\0"
	/* 18116 */ "taskResultsCompletionStatus\0"
	/* 18144 */ "tasks\0"
	/* 18150 */ "tcpSocket\0"
	/* 18160 */ "template\0"
	/* 18169 */ "templateDefaults\0"
	/* 18186 */ "templateName\0"
	/* 18199 */ "templateRef\0"
	/* 18211 */ "templateScope\0"
	/* 18225 */ "templates\0"
	/* 18235 */ "tenant\0"
	/* 18242 */ "terminationGracePeriodSeconds\0"
	/* 18272 */ "terminationMessagePath\0"
	/* 18295 */ "terminationMessagePolicy\0"
	/* 18320 */ "time\0"
	/* 18325 */ "timeout\0"
	/* 18333 */ "timeoutSeconds\0"
	/* 18348 */ "timezone\0"
	/* 18357 */ "tokenURLSecret\0"
	/* 18372 */ "tolerationSeconds\0"
	/* 18390 */ "tolerations\0"
	/* 18402 */ "topologyKey\0"
	/* 18414 */ "transformation\0"
	/* 18429 */ "ttlStrategy\0"
	/* 18441 */ "tty\0"
	/* 18445 */ "type\0"
	/* 18450 */ "uid\0"
	/* 18454 */ "unhealthyPodEvictionPolicy\0"
	/* 18481 */ "url\0"
	/* 18485 */ "useSDKCreds\0"
	/* 18497 */ "user\0"
	/* 18502 */ "userAnnotations\0"
	/* 18518 */ "usernameSecret\0"
	/* 18533 */ "value\0"
	/* 18539 */ "valueFrom\0"
	/* 18549 */ "values\0"
	/* 18556 */ "volume\0"
	/* 18563 */ "volumeAttributes\0"
	/* 18580 */ "volumeAttributesClassName\0"
	/* 18606 */ "volumeClaimGC\0"
	/* 18620 */ "volumeClaimTemplate\0"
	/* 18640 */ "volumeClaimTemplates\0"
	/* 18661 */ "volumeDevices\0"
	/* 18675 */ "volumeID\0"
	/* 18684 */ "volumeMode\0"
	/* 18695 */ "volumeMounts\0"
	/* 18708 */ "volumeName\0"
	/* 18719 */ "volumeNamespace\0"
	/* 18735 */ "volumePath\0"
	/* 18746 */ "volumes\0"
	/* 18754 */ "vsphereVolume\0"
	/* 18768 */ "waiting\0"
	/* 18776 */ "weight\0"
	/* 18783 */ "when\0"
	/* 18788 */ "windowsOptions\0"
	/* 18803 */ "withItems\0"
	/* 18813 */ "withParam\0"
	/* 18823 */ "withSequence\0"
	/* 18836 */ "workflowMetadata\0"
	/* 18853 */ "workflowSpec\0"
	/* 18866 */ "workflowTemplateRef\0"
	/* 18886 */ "workingDir\0"
	/* 18897 */ "wwids\0"
	/* 18903 */ "zip\0"
	;

static const struct wfc_stype types[296] = {
	/* name, kind, named, sub (first field or element type), fields */
	{ 0, WFC_SK_ANY_STRING, 0, 0, 0 },  /* 0 AnyString */
	{ 10, WFC_SK_ARRAY, 0, 0, 0 },  /* 1 []AnyString */
	{ 22, WFC_SK_ARRAY, 0, 56, 0 },  /* 2 []integer */
	{ 32, WFC_SK_ARRAY, 0, 57, 0 },  /* 3 []io.argoproj.workflow.v1alpha1.Amount */
	{ 71, WFC_SK_ARRAY, 0, 61, 0 },  /* 4 []io.argoproj.workflow.v1alpha1.Artifact */
	{ 112, WFC_SK_ARRAY, 0, 77, 0 },  /* 5 []io.argoproj.workflow.v1alpha1.Condition */
	{ 154, WFC_SK_ARRAY, 0, 78, 0 },  /* 6 []io.argoproj.workflow.v1alpha1.ContainerNode */
	{ 200, WFC_SK_ARRAY, 0, 87, 0 },  /* 7 []io.argoproj.workflow.v1alpha1.DAGTask */
	{ 240, WFC_SK_ARRAY, 0, 92, 0 },  /* 8 []io.argoproj.workflow.v1alpha1.ExecutorPlugin */
	{ 287, WFC_SK_ARRAY, 0, 105, 0 },  /* 9 []io.argoproj.workflow.v1alpha1.HTTPHeader */
	{ 330, WFC_SK_ARRAY, 0, 107, 0 },  /* 10 []io.argoproj.workflow.v1alpha1.Header */
	{ 369, WFC_SK_ARRAY, 0, 110, 0 },  /* 11 []io.argoproj.workflow.v1alpha1.Item */
	{ 406, WFC_SK_ARRAY, 0, 117, 0 },  /* 12 []io.argoproj.workflow.v1alpha1.MetricLabel */
	{ 450, WFC_SK_ARRAY, 0, 119, 0 },  /* 13 []io.argoproj.workflow.v1alpha1.Mutex */
	{ 488, WFC_SK_ARRAY, 0, 120, 0 },  /* 14 []io.argoproj.workflow.v1alpha1.MutexHolding */
	{ 533, WFC_SK_ARRAY, 0, 127, 0 },  /* 15 []io.argoproj.workflow.v1alpha1.OAuth2EndpointParam */
	{ 585, WFC_SK_ARRAY, 0, 132, 0 },  /* 16 []io.argoproj.workflow.v1alpha1.ParallelSteps */
	{ 631, WFC_SK_ARRAY, 0, 133, 0 },  /* 17 []io.argoproj.workflow.v1alpha1.Parameter */
	{ 673, WFC_SK_ARRAY, 0, 138, 0 },  /* 18 []io.argoproj.workflow.v1alpha1.Prometheus */
	{ 716, WFC_SK_ARRAY, 0, 148, 0 },  /* 19 []io.argoproj.workflow.v1alpha1.SemaphoreHolding */
	{ 765, WFC_SK_ARRAY, 0, 149, 0 },  /* 20 []io.argoproj.workflow.v1alpha1.SemaphoreRef */
	{ 810, WFC_SK_ARRAY, 0, 160, 0 },  /* 21 []io.argoproj.workflow.v1alpha1.Template */
	{ 851, WFC_SK_ARRAY, 0, 162, 0 },  /* 22 []io.argoproj.workflow.v1alpha1.TransformationStep */
	{ 902, WFC_SK_ARRAY, 0, 163, 0 },  /* 23 []io.argoproj.workflow.v1alpha1.UserContainer */
	{ 948, WFC_SK_ARRAY, 0, 190, 0 },  /* 24 []io.k8s.api.core.v1.ContainerPort */
	{ 983, WFC_SK_ARRAY, 0, 191, 0 },  /* 25 []io.k8s.api.core.v1.ContainerResizePolicy */
	{ 1026, WFC_SK_ARRAY, 0, 192, 0 },  /* 26 []io.k8s.api.core.v1.ContainerRestartRule */
	{ 1068, WFC_SK_ARRAY, 0, 195, 0 },  /* 27 []io.k8s.api.core.v1.DownwardAPIVolumeFile */
	{ 1111, WFC_SK_ARRAY, 0, 198, 0 },  /* 28 []io.k8s.api.core.v1.EnvFromSource */
	{ 1146, WFC_SK_ARRAY, 0, 199, 0 },  /* 29 []io.k8s.api.core.v1.EnvVar */
	{ 1174, WFC_SK_ARRAY, 0, 212, 0 },  /* 30 []io.k8s.api.core.v1.HTTPHeader */
	{ 1206, WFC_SK_ARRAY, 0, 213, 0 },  /* 31 []io.k8s.api.core.v1.HostAlias */
	{ 1237, WFC_SK_ARRAY, 0, 217, 0 },  /* 32 []io.k8s.api.core.v1.KeyToPath */
	{ 1268, WFC_SK_ARRAY, 0, 220, 0 },  /* 33 []io.k8s.api.core.v1.LocalObjectReference */
	{ 1310, WFC_SK_ARRAY, 0, 225, 0 },  /* 34 []io.k8s.api.core.v1.NodeSelectorRequirement */
	{ 1355, WFC_SK_ARRAY, 0, 226, 0 },  /* 35 []io.k8s.api.core.v1.NodeSelectorTerm */
	{ 1393, WFC_SK_ARRAY, 0, 228, 0 },  /* 36 []io.k8s.api.core.v1.ObjectReference */
	{ 1430, WFC_SK_ARRAY, 0, 229, 0 },  /* 37 []io.k8s.api.core.v1.PersistentVolumeClaim */
	{ 1473, WFC_SK_ARRAY, 0, 230, 0 },  /* 38 []io.k8s.api.core.v1.PersistentVolumeClaimCondition */
	{ 1525, WFC_SK_ARRAY, 0, 237, 0 },  /* 39 []io.k8s.api.core.v1.PodAffinityTerm */
	{ 1562, WFC_SK_ARRAY, 0, 241, 0 },  /* 40 []io.k8s.api.core.v1.PodDNSConfigOption */
	{ 1602, WFC_SK_ARRAY, 0, 242, 0 },  /* 41 []io.k8s.api.core.v1.PodResourceClaim */
	{ 1640, WFC_SK_ARRAY, 0, 245, 0 },  /* 42 []io.k8s.api.core.v1.PreferredSchedulingTerm */
	{ 1685, WFC_SK_ARRAY, 0, 250, 0 },  /* 43 []io.k8s.api.core.v1.ResourceClaim */
	{ 1720, WFC_SK_ARRAY, 0, 264, 0 },  /* 44 []io.k8s.api.core.v1.Sysctl */
	{ 1748, WFC_SK_ARRAY, 0, 266, 0 },  /* 45 []io.k8s.api.core.v1.Toleration */
	{ 1780, WFC_SK_ARRAY, 0, 269, 0 },  /* 46 []io.k8s.api.core.v1.Volume */
	{ 1808, WFC_SK_ARRAY, 0, 270, 0 },  /* 47 []io.k8s.api.core.v1.VolumeDevice */
	{ 1842, WFC_SK_ARRAY, 0, 271, 0 },  /* 48 []io.k8s.api.core.v1.VolumeMount */
	{ 1875, WFC_SK_ARRAY, 0, 272, 0 },  /* 49 []io.k8s.api.core.v1.VolumeProjection */
	{ 1913, WFC_SK_ARRAY, 0, 275, 0 },  /* 50 []io.k8s.api.core.v1.WeightedPodAffinityTerm */
	{ 1958, WFC_SK_ARRAY, 0, 281, 0 },  /* 51 []io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement */
	{ 2022, WFC_SK_ARRAY, 0, 282, 0 },  /* 52 []io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry */
	{ 2080, WFC_SK_ARRAY, 0, 284, 0 },  /* 53 []io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference */
	{ 2134, WFC_SK_ARRAY, 0, 295, 0 },  /* 54 []string */
	{ 2707, WFC_SK_BOOLEAN, 0, 0, 0 },  /* 55 boolean */
	{ 4773, WFC_SK_INTEGER, 0, 0, 0 },  /* 56 integer */
	{ 4781, WFC_SK_NUMBER, 1, 0, 0 },  /* 57 io.argoproj.workflow.v1alpha1.Amount */
	{ 4818, WFC_SK_OBJECT, 1, 0, 3 },  /* 58 io.argoproj.workflow.v1alpha1.ArchiveStrategy */
	{ 4864, WFC_SK_OBJECT, 1, 3, 2 },  /* 59 io.argoproj.workflow.v1alpha1.Arguments */
	{ 4904, WFC_SK_OBJECT, 1, 5, 3 },  /* 60 io.argoproj.workflow.v1alpha1.ArtGCStatus */
	{ 4946, WFC_SK_OBJECT, 1, 8, 23 },  /* 61 io.argoproj.workflow.v1alpha1.Artifact */
	{ 4985, WFC_SK_OBJECT, 1, 31, 3 },  /* 62 io.argoproj.workflow.v1alpha1.ArtifactGC */
	{ 5026, WFC_SK_OBJECT, 1, 34, 11 },  /* 63 io.argoproj.workflow.v1alpha1.ArtifactLocation */
	{ 5073, WFC_SK_OBJECT, 1, 45, 23 },  /* 64 io.argoproj.workflow.v1alpha1.ArtifactPaths */
	{ 5117, WFC_SK_OBJECT, 1, 68, 8 },  /* 65 io.argoproj.workflow.v1alpha1.ArtifactRepository */
	{ 5166, WFC_SK_OBJECT, 1, 76, 2 },  /* 66 io.argoproj.workflow.v1alpha1.ArtifactRepositoryRef */
	{ 5218, WFC_SK_OBJECT, 1, 78, 5 },  /* 67 io.argoproj.workflow.v1alpha1.ArtifactRepositoryRefStatus */
	{ 5276, WFC_SK_OBJECT, 1, 83, 3 },  /* 68 io.argoproj.workflow.v1alpha1.ArtifactoryArtifact */
	{ 5326, WFC_SK_OBJECT, 1, 86, 4 },  /* 69 io.argoproj.workflow.v1alpha1.ArtifactoryArtifactRepository */
	{ 5386, WFC_SK_OBJECT, 1, 90, 5 },  /* 70 io.argoproj.workflow.v1alpha1.AzureArtifact */
	{ 5430, WFC_SK_OBJECT, 1, 95, 5 },  /* 71 io.argoproj.workflow.v1alpha1.AzureArtifactRepository */
	{ 5484, WFC_SK_OBJECT, 1, 100, 4 },  /* 72 io.argoproj.workflow.v1alpha1.Backoff */
	{ 5522, WFC_SK_OBJECT, 1, 104, 2 },  /* 73 io.argoproj.workflow.v1alpha1.BasicAuth */
	{ 5562, WFC_SK_OBJECT, 1, 106, 1 },  /* 74 io.argoproj.workflow.v1alpha1.Cache */
	{ 5598, WFC_SK_OBJECT, 1, 107, 2 },  /* 75 io.argoproj.workflow.v1alpha1.ClientCertAuth */
	{ 5643, WFC_SK_OBJECT, 1, 109, 4 },  /* 76 io.argoproj.workflow.v1alpha1.ClusterWorkflowTemplate */
	{ 5697, WFC_SK_OBJECT, 1, 113, 3 },  /* 77 io.argoproj.workflow.v1alpha1.Condition */
	{ 5737, WFC_SK_OBJECT, 1, 116, 26 },  /* 78 io.argoproj.workflow.v1alpha1.ContainerNode */
	{ 5781, WFC_SK_OBJECT, 1, 142, 2 },  /* 79 io.argoproj.workflow.v1alpha1.ContainerSetRetryStrategy */
	{ 5837, WFC_SK_OBJECT, 1, 144, 3 },  /* 80 io.argoproj.workflow.v1alpha1.ContainerSetTemplate */
	{ 5888, WFC_SK_OBJECT, 1, 147, 2 },  /* 81 io.argoproj.workflow.v1alpha1.ContinueOn */
	{ 5929, WFC_SK_OBJECT, 1, 149, 1 },  /* 82 io.argoproj.workflow.v1alpha1.Counter */
	{ 5967, WFC_SK_OBJECT, 1, 150, 1 },  /* 83 io.argoproj.workflow.v1alpha1.CreateS3BucketOptions */
	{ 6019, WFC_SK_OBJECT, 1, 151, 5 },  /* 84 io.argoproj.workflow.v1alpha1.CronWorkflow */
	{ 6062, WFC_SK_OBJECT, 1, 156, 11 },  /* 85 io.argoproj.workflow.v1alpha1.CronWorkflowSpec */
	{ 6109, WFC_SK_OBJECT, 1, 167, 6 },  /* 86 io.argoproj.workflow.v1alpha1.CronWorkflowStatus */
	{ 6158, WFC_SK_OBJECT, 1, 173, 14 },  /* 87 io.argoproj.workflow.v1alpha1.DAGTask */
	{ 6196, WFC_SK_OBJECT, 1, 187, 3 },  /* 88 io.argoproj.workflow.v1alpha1.DAGTemplate */
	{ 6238, WFC_SK_OBJECT, 1, 190, 2 },  /* 89 io.argoproj.workflow.v1alpha1.Data */
	{ 6273, WFC_SK_OBJECT, 1, 192, 1 },  /* 90 io.argoproj.workflow.v1alpha1.DataSource */
	{ 6314, WFC_SK_OBJECT, 1, 193, 1 },  /* 91 io.argoproj.workflow.v1alpha1.ExecutorConfig */
	{ 6359, WFC_SK_OBJECT, 1, 194, 2 },  /* 92 io.argoproj.workflow.v1alpha1.ExecutorPlugin */
	{ 6404, WFC_SK_OBJECT, 1, 196, 2 },  /* 93 io.argoproj.workflow.v1alpha1.ExecutorPluginSidecar */
	{ 6456, WFC_SK_OBJECT, 1, 198, 1 },  /* 94 io.argoproj.workflow.v1alpha1.ExecutorPluginSpec */
	{ 6505, WFC_SK_OBJECT, 1, 199, 3 },  /* 95 io.argoproj.workflow.v1alpha1.GCSArtifact */
	{ 6547, WFC_SK_OBJECT, 1, 202, 3 },  /* 96 io.argoproj.workflow.v1alpha1.GCSArtifactRepository */
	{ 6599, WFC_SK_OBJECT, 1, 205, 3 },  /* 97 io.argoproj.workflow.v1alpha1.Gauge */
	{ 6635, WFC_SK_OBJECT, 1, 208, 12 },  /* 98 io.argoproj.workflow.v1alpha1.GitArtifact */
	{ 6677, WFC_SK_OBJECT, 1, 220, 11 },  /* 99 io.argoproj.workflow.v1alpha1.HDFSArtifact */
	{ 6720, WFC_SK_OBJECT, 1, 231, 11 },  /* 100 io.argoproj.workflow.v1alpha1.HDFSArtifactRepository */
	{ 6773, WFC_SK_OBJECT, 1, 242, 8 },  /* 101 io.argoproj.workflow.v1alpha1.HTTP */
	{ 6808, WFC_SK_OBJECT, 1, 250, 4 },  /* 102 io.argoproj.workflow.v1alpha1.HTTPArtifact */
	{ 6851, WFC_SK_OBJECT, 1, 254, 3 },  /* 103 io.argoproj.workflow.v1alpha1.HTTPAuth */
	{ 6890, WFC_SK_OBJECT, 1, 257, 1 },  /* 104 io.argoproj.workflow.v1alpha1.HTTPBodySource */
	{ 6935, WFC_SK_OBJECT, 1, 258, 3 },  /* 105 io.argoproj.workflow.v1alpha1.HTTPHeader */
	{ 6976, WFC_SK_OBJECT, 1, 261, 1 },  /* 106 io.argoproj.workflow.v1alpha1.HTTPHeaderSource */
	{ 7023, WFC_SK_OBJECT, 1, 262, 2 },  /* 107 io.argoproj.workflow.v1alpha1.Header */
	{ 7060, WFC_SK_OBJECT, 1, 264, 2 },  /* 108 io.argoproj.workflow.v1alpha1.Histogram */
	{ 7100, WFC_SK_OBJECT, 1, 266, 2 },  /* 109 io.argoproj.workflow.v1alpha1.Inputs */
	{ 7137, WFC_SK_ANY, 1, 0, 0 },  /* 110 io.argoproj.workflow.v1alpha1.Item */
	{ 7172, WFC_SK_OBJECT, 1, 268, 1 },  /* 111 io.argoproj.workflow.v1alpha1.LabelValueFrom */
	{ 7217, WFC_SK_OBJECT, 1, 269, 4 },  /* 112 io.argoproj.workflow.v1alpha1.LifecycleHook */
	{ 7261, WFC_SK_OBJECT, 1, 273, 1 },  /* 113 io.argoproj.workflow.v1alpha1.ManifestFrom */
	{ 7304, WFC_SK_OBJECT, 1, 274, 3 },  /* 114 io.argoproj.workflow.v1alpha1.MemoizationStatus */
	{ 7352, WFC_SK_OBJECT, 1, 277, 3 },  /* 115 io.argoproj.workflow.v1alpha1.Memoize */
	{ 7390, WFC_SK_OBJECT, 1, 280, 2 },  /* 116 io.argoproj.workflow.v1alpha1.Metadata */
	{ 7429, WFC_SK_OBJECT, 1, 282, 2 },  /* 117 io.argoproj.workflow.v1alpha1.MetricLabel */
	{ 7471, WFC_SK_OBJECT, 1, 284, 1 },  /* 118 io.argoproj.workflow.v1alpha1.Metrics */
	{ 7509, WFC_SK_OBJECT, 1, 285, 3 },  /* 119 io.argoproj.workflow.v1alpha1.Mutex */
	{ 7545, WFC_SK_OBJECT, 1, 288, 2 },  /* 120 io.argoproj.workflow.v1alpha1.MutexHolding */
	{ 7588, WFC_SK_OBJECT, 1, 290, 2 },  /* 121 io.argoproj.workflow.v1alpha1.MutexStatus */
	{ 7630, WFC_SK_OBJECT, 1, 292, 2 },  /* 122 io.argoproj.workflow.v1alpha1.NodeFlag */
	{ 7669, WFC_SK_OBJECT, 1, 294, 28 },  /* 123 io.argoproj.workflow.v1alpha1.NodeStatus */
	{ 7710, WFC_SK_OBJECT, 1, 322, 1 },  /* 124 io.argoproj.workflow.v1alpha1.NodeSynchronizationStatus */
	{ 7766, WFC_SK_OBJECT, 1, 323, 0 },  /* 125 io.argoproj.workflow.v1alpha1.NoneStrategy */
	{ 7809, WFC_SK_OBJECT, 1, 323, 5 },  /* 126 io.argoproj.workflow.v1alpha1.OAuth2Auth */
	{ 7850, WFC_SK_OBJECT, 1, 328, 2 },  /* 127 io.argoproj.workflow.v1alpha1.OAuth2EndpointParam */
	{ 7900, WFC_SK_OBJECT, 1, 330, 9 },  /* 128 io.argoproj.workflow.v1alpha1.OSSArtifact */
	{ 7942, WFC_SK_OBJECT, 1, 339, 9 },  /* 129 io.argoproj.workflow.v1alpha1.OSSArtifactRepository */
	{ 7994, WFC_SK_OBJECT, 1, 348, 2 },  /* 130 io.argoproj.workflow.v1alpha1.OSSLifecycleRule */
	{ 8041, WFC_SK_OBJECT, 1, 350, 4 },  /* 131 io.argoproj.workflow.v1alpha1.Outputs */
	{ 8079, WFC_SK_ARRAY, 1, 171, 0 },  /* 132 io.argoproj.workflow.v1alpha1.ParallelSteps */
	{ 8123, WFC_SK_OBJECT, 1, 354, 7 },  /* 133 io.argoproj.workflow.v1alpha1.Parameter */
	{ 8163, WFC_SK_FREE_OBJECT, 1, 0, 0 },  /* 134 io.argoproj.workflow.v1alpha1.Plugin */
	{ 8200, WFC_SK_OBJECT, 1, 361, 4 },  /* 135 io.argoproj.workflow.v1alpha1.PluginArtifact */
	{ 8245, WFC_SK_OBJECT, 1, 365, 3 },  /* 136 io.argoproj.workflow.v1alpha1.PluginArtifactRepository */
	{ 8300, WFC_SK_OBJECT, 1, 368, 3 },  /* 137 io.argoproj.workflow.v1alpha1.PodGC */
	{ 8336, WFC_SK_OBJECT, 1, 371, 7 },  /* 138 io.argoproj.workflow.v1alpha1.Prometheus */
	{ 8377, WFC_SK_OBJECT, 1, 378, 1 },  /* 139 io.argoproj.workflow.v1alpha1.RawArtifact */
	{ 8419, WFC_SK_OBJECT, 1, 379, 8 },  /* 140 io.argoproj.workflow.v1alpha1.ResourceTemplate */
	{ 8466, WFC_SK_OBJECT, 1, 387, 1 },  /* 141 io.argoproj.workflow.v1alpha1.RetryAffinity */
	{ 8510, WFC_SK_OBJECT, 1, 388, 0 },  /* 142 io.argoproj.workflow.v1alpha1.RetryNodeAntiAffinity */
	{ 8562, WFC_SK_OBJECT, 1, 388, 5 },  /* 143 io.argoproj.workflow.v1alpha1.RetryStrategy */
	{ 8606, WFC_SK_OBJECT, 1, 393, 14 },  /* 144 io.argoproj.workflow.v1alpha1.S3Artifact */
	{ 8647, WFC_SK_OBJECT, 1, 407, 15 },  /* 145 io.argoproj.workflow.v1alpha1.S3ArtifactRepository */
	{ 8698, WFC_SK_OBJECT, 1, 422, 4 },  /* 146 io.argoproj.workflow.v1alpha1.S3EncryptionOptions */
	{ 8748, WFC_SK_OBJECT, 1, 426, 26 },  /* 147 io.argoproj.workflow.v1alpha1.ScriptTemplate */
	{ 8793, WFC_SK_OBJECT, 1, 452, 2 },  /* 148 io.argoproj.workflow.v1alpha1.SemaphoreHolding */
	{ 8840, WFC_SK_OBJECT, 1, 454, 3 },  /* 149 io.argoproj.workflow.v1alpha1.SemaphoreRef */
	{ 8883, WFC_SK_OBJECT, 1, 457, 2 },  /* 150 io.argoproj.workflow.v1alpha1.SemaphoreStatus */
	{ 8929, WFC_SK_OBJECT, 1, 459, 4 },  /* 151 io.argoproj.workflow.v1alpha1.Sequence */
	{ 8968, WFC_SK_OBJECT, 1, 463, 1 },  /* 152 io.argoproj.workflow.v1alpha1.StopStrategy */
	{ 9011, WFC_SK_OBJECT, 1, 464, 0 },  /* 153 io.argoproj.workflow.v1alpha1.SuppliedValueFrom */
	{ 9059, WFC_SK_OBJECT, 1, 464, 1 },  /* 154 io.argoproj.workflow.v1alpha1.SuspendTemplate */
	{ 9105, WFC_SK_OBJECT, 1, 465, 1 },  /* 155 io.argoproj.workflow.v1alpha1.SyncDatabaseRef */
	{ 9151, WFC_SK_OBJECT, 1, 466, 2 },  /* 156 io.argoproj.workflow.v1alpha1.Synchronization */
	{ 9197, WFC_SK_OBJECT, 1, 468, 2 },  /* 157 io.argoproj.workflow.v1alpha1.SynchronizationStatus */
	{ 9249, WFC_SK_OBJECT, 1, 470, 3 },  /* 158 io.argoproj.workflow.v1alpha1.TTLStrategy */
	{ 9291, WFC_SK_OBJECT, 1, 473, 1 },  /* 159 io.argoproj.workflow.v1alpha1.TarStrategy */
	{ 9333, WFC_SK_OBJECT, 1, 474, 42 },  /* 160 io.argoproj.workflow.v1alpha1.Template */
	{ 9372, WFC_SK_OBJECT, 1, 516, 3 },  /* 161 io.argoproj.workflow.v1alpha1.TemplateRef */
	{ 9414, WFC_SK_OBJECT, 1, 519, 1 },  /* 162 io.argoproj.workflow.v1alpha1.TransformationStep */
	{ 9463, WFC_SK_OBJECT, 1, 520, 26 },  /* 163 io.argoproj.workflow.v1alpha1.UserContainer */
	{ 9507, WFC_SK_OBJECT, 1, 546, 9 },  /* 164 io.argoproj.workflow.v1alpha1.ValueFrom */
	{ 9547, WFC_SK_OBJECT, 1, 555, 1 },  /* 165 io.argoproj.workflow.v1alpha1.VolumeClaimGC */
	{ 9591, WFC_SK_OBJECT, 1, 556, 5 },  /* 166 io.argoproj.workflow.v1alpha1.Workflow */
	{ 9630, WFC_SK_OBJECT, 1, 561, 5 },  /* 167 io.argoproj.workflow.v1alpha1.WorkflowLevelArtifactGC */
	{ 9684, WFC_SK_OBJECT, 1, 566, 3 },  /* 168 io.argoproj.workflow.v1alpha1.WorkflowMetadata */
	{ 9731, WFC_SK_OBJECT, 1, 569, 44 },  /* 169 io.argoproj.workflow.v1alpha1.WorkflowSpec */
	{ 9774, WFC_SK_OBJECT, 1, 613, 19 },  /* 170 io.argoproj.workflow.v1alpha1.WorkflowStatus */
	{ 9819, WFC_SK_OBJECT, 1, 632, 12 },  /* 171 io.argoproj.workflow.v1alpha1.WorkflowStep */
	{ 9862, WFC_SK_OBJECT, 1, 644, 4 },  /* 172 io.argoproj.workflow.v1alpha1.WorkflowTemplate */
	{ 9909, WFC_SK_OBJECT, 1, 648, 2 },  /* 173 io.argoproj.workflow.v1alpha1.WorkflowTemplateRef */
	{ 9959, WFC_SK_OBJECT, 1, 650, 0 },  /* 174 io.argoproj.workflow.v1alpha1.ZipStrategy */
	{ 10001, WFC_SK_OBJECT, 1, 650, 4 },  /* 175 io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource */
	{ 10053, WFC_SK_OBJECT, 1, 654, 3 },  /* 176 io.k8s.api.core.v1.Affinity */
	{ 10081, WFC_SK_OBJECT, 1, 657, 2 },  /* 177 io.k8s.api.core.v1.AppArmorProfile */
	{ 10116, WFC_SK_OBJECT, 1, 659, 6 },  /* 178 io.k8s.api.core.v1.AzureDiskVolumeSource */
	{ 10157, WFC_SK_OBJECT, 1, 665, 3 },  /* 179 io.k8s.api.core.v1.AzureFileVolumeSource */
	{ 10198, WFC_SK_OBJECT, 1, 668, 5 },  /* 180 io.k8s.api.core.v1.CSIVolumeSource */
	{ 10233, WFC_SK_OBJECT, 1, 673, 2 },  /* 181 io.k8s.api.core.v1.Capabilities */
	{ 10265, WFC_SK_OBJECT, 1, 675, 6 },  /* 182 io.k8s.api.core.v1.CephFSVolumeSource */
	{ 10303, WFC_SK_OBJECT, 1, 681, 4 },  /* 183 io.k8s.api.core.v1.CinderVolumeSource */
	{ 10341, WFC_SK_OBJECT, 1, 685, 5 },  /* 184 io.k8s.api.core.v1.ClusterTrustBundleProjection */
	{ 10389, WFC_SK_OBJECT, 1, 690, 2 },  /* 185 io.k8s.api.core.v1.ConfigMapEnvSource */
	{ 10427, WFC_SK_OBJECT, 1, 692, 3 },  /* 186 io.k8s.api.core.v1.ConfigMapKeySelector */
	{ 10467, WFC_SK_OBJECT, 1, 695, 3 },  /* 187 io.k8s.api.core.v1.ConfigMapProjection */
	{ 10506, WFC_SK_OBJECT, 1, 698, 4 },  /* 188 io.k8s.api.core.v1.ConfigMapVolumeSource */
	{ 10547, WFC_SK_OBJECT, 1, 702, 25 },  /* 189 io.k8s.api.core.v1.Container */
	{ 10576, WFC_SK_OBJECT, 1, 727, 5 },  /* 190 io.k8s.api.core.v1.ContainerPort */
	{ 10609, WFC_SK_OBJECT, 1, 732, 2 },  /* 191 io.k8s.api.core.v1.ContainerResizePolicy */
	{ 10650, WFC_SK_OBJECT, 1, 734, 2 },  /* 192 io.k8s.api.core.v1.ContainerRestartRule */
	{ 10690, WFC_SK_OBJECT, 1, 736, 2 },  /* 193 io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes */
	{ 10741, WFC_SK_OBJECT, 1, 738, 1 },  /* 194 io.k8s.api.core.v1.DownwardAPIProjection */
	{ 10782, WFC_SK_OBJECT, 1, 739, 4 },  /* 195 io.k8s.api.core.v1.DownwardAPIVolumeFile */
	{ 10823, WFC_SK_OBJECT, 1, 743, 2 },  /* 196 io.k8s.api.core.v1.DownwardAPIVolumeSource */
	{ 10866, WFC_SK_OBJECT, 1, 745, 2 },  /* 197 io.k8s.api.core.v1.EmptyDirVolumeSource */
	{ 10906, WFC_SK_OBJECT, 1, 747, 3 },  /* 198 io.k8s.api.core.v1.EnvFromSource */
	{ 10939, WFC_SK_OBJECT, 1, 750, 3 },  /* 199 io.k8s.api.core.v1.EnvVar */
	{ 10965, WFC_SK_OBJECT, 1, 753, 5 },  /* 200 io.k8s.api.core.v1.EnvVarSource */
	{ 10997, WFC_SK_OBJECT, 1, 758, 1 },  /* 201 io.k8s.api.core.v1.EphemeralVolumeSource */
	{ 11038, WFC_SK_OBJECT, 1, 759, 1 },  /* 202 io.k8s.api.core.v1.ExecAction */
	{ 11068, WFC_SK_OBJECT, 1, 760, 5 },  /* 203 io.k8s.api.core.v1.FCVolumeSource */
	{ 11102, WFC_SK_OBJECT, 1, 765, 4 },  /* 204 io.k8s.api.core.v1.FileKeySelector */
	{ 11137, WFC_SK_OBJECT, 1, 769, 5 },  /* 205 io.k8s.api.core.v1.FlexVolumeSource */
	{ 11173, WFC_SK_OBJECT, 1, 774, 2 },  /* 206 io.k8s.api.core.v1.FlockerVolumeSource */
	{ 11212, WFC_SK_OBJECT, 1, 776, 4 },  /* 207 io.k8s.api.core.v1.GCEPersistentDiskVolumeSource */
	{ 11261, WFC_SK_OBJECT, 1, 780, 2 },  /* 208 io.k8s.api.core.v1.GRPCAction */
	{ 11291, WFC_SK_OBJECT, 1, 782, 3 },  /* 209 io.k8s.api.core.v1.GitRepoVolumeSource */
	{ 11330, WFC_SK_OBJECT, 1, 785, 3 },  /* 210 io.k8s.api.core.v1.GlusterfsVolumeSource */
	{ 11371, WFC_SK_OBJECT, 1, 788, 5 },  /* 211 io.k8s.api.core.v1.HTTPGetAction */
	{ 11404, WFC_SK_OBJECT, 1, 793, 2 },  /* 212 io.k8s.api.core.v1.HTTPHeader */
	{ 11434, WFC_SK_OBJECT, 1, 795, 2 },  /* 213 io.k8s.api.core.v1.HostAlias */
	{ 11463, WFC_SK_OBJECT, 1, 797, 2 },  /* 214 io.k8s.api.core.v1.HostPathVolumeSource */
	{ 11503, WFC_SK_OBJECT, 1, 799, 11 },  /* 215 io.k8s.api.core.v1.ISCSIVolumeSource */
	{ 11540, WFC_SK_OBJECT, 1, 810, 2 },  /* 216 io.k8s.api.core.v1.ImageVolumeSource */
	{ 11577, WFC_SK_OBJECT, 1, 812, 3 },  /* 217 io.k8s.api.core.v1.KeyToPath */
	{ 11606, WFC_SK_OBJECT, 1, 815, 3 },  /* 218 io.k8s.api.core.v1.Lifecycle */
	{ 11635, WFC_SK_OBJECT, 1, 818, 4 },  /* 219 io.k8s.api.core.v1.LifecycleHandler */
	{ 11671, WFC_SK_OBJECT, 1, 822, 1 },  /* 220 io.k8s.api.core.v1.LocalObjectReference */
	{ 11711, WFC_SK_OBJECT, 1, 823, 2 },  /* 221 io.k8s.api.core.v1.ModifyVolumeStatus */
	{ 11749, WFC_SK_OBJECT, 1, 825, 3 },  /* 222 io.k8s.api.core.v1.NFSVolumeSource */
	{ 11784, WFC_SK_OBJECT, 1, 828, 2 },  /* 223 io.k8s.api.core.v1.NodeAffinity */
	{ 11816, WFC_SK_OBJECT, 1, 830, 1 },  /* 224 io.k8s.api.core.v1.NodeSelector */
	{ 11848, WFC_SK_OBJECT, 1, 831, 3 },  /* 225 io.k8s.api.core.v1.NodeSelectorRequirement */
	{ 11891, WFC_SK_OBJECT, 1, 834, 2 },  /* 226 io.k8s.api.core.v1.NodeSelectorTerm */
	{ 11927, WFC_SK_OBJECT, 1, 836, 2 },  /* 227 io.k8s.api.core.v1.ObjectFieldSelector */
	{ 11966, WFC_SK_OBJECT, 1, 838, 7 },  /* 228 io.k8s.api.core.v1.ObjectReference */
	{ 12001, WFC_SK_OBJECT, 1, 845, 5 },  /* 229 io.k8s.api.core.v1.PersistentVolumeClaim */
	{ 12042, WFC_SK_OBJECT, 1, 850, 6 },  /* 230 io.k8s.api.core.v1.PersistentVolumeClaimCondition */
	{ 12092, WFC_SK_OBJECT, 1, 856, 9 },  /* 231 io.k8s.api.core.v1.PersistentVolumeClaimSpec */
	{ 12137, WFC_SK_OBJECT, 1, 865, 8 },  /* 232 io.k8s.api.core.v1.PersistentVolumeClaimStatus */
	{ 12184, WFC_SK_OBJECT, 1, 873, 2 },  /* 233 io.k8s.api.core.v1.PersistentVolumeClaimTemplate */
	{ 12233, WFC_SK_OBJECT, 1, 875, 2 },  /* 234 io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource */
	{ 12286, WFC_SK_OBJECT, 1, 877, 2 },  /* 235 io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource */
	{ 12338, WFC_SK_OBJECT, 1, 879, 2 },  /* 236 io.k8s.api.core.v1.PodAffinity */
	{ 12369, WFC_SK_OBJECT, 1, 881, 6 },  /* 237 io.k8s.api.core.v1.PodAffinityTerm */
	{ 12404, WFC_SK_OBJECT, 1, 887, 2 },  /* 238 io.k8s.api.core.v1.PodAntiAffinity */
	{ 12439, WFC_SK_OBJECT, 1, 889, 7 },  /* 239 io.k8s.api.core.v1.PodCertificateProjection */
	{ 12483, WFC_SK_OBJECT, 1, 896, 3 },  /* 240 io.k8s.api.core.v1.PodDNSConfig */
	{ 12515, WFC_SK_OBJECT, 1, 899, 2 },  /* 241 io.k8s.api.core.v1.PodDNSConfigOption */
	{ 12553, WFC_SK_OBJECT, 1, 901, 3 },  /* 242 io.k8s.api.core.v1.PodResourceClaim */
	{ 12589, WFC_SK_OBJECT, 1, 904, 13 },  /* 243 io.k8s.api.core.v1.PodSecurityContext */
	{ 12627, WFC_SK_OBJECT, 1, 917, 3 },  /* 244 io.k8s.api.core.v1.PortworxVolumeSource */
	{ 12667, WFC_SK_OBJECT, 1, 920, 2 },  /* 245 io.k8s.api.core.v1.PreferredSchedulingTerm */
	{ 12710, WFC_SK_OBJECT, 1, 922, 10 },  /* 246 io.k8s.api.core.v1.Probe */
	{ 12735, WFC_SK_OBJECT, 1, 932, 2 },  /* 247 io.k8s.api.core.v1.ProjectedVolumeSource */
	{ 12776, WFC_SK_OBJECT, 1, 934, 6 },  /* 248 io.k8s.api.core.v1.QuobyteVolumeSource */
	{ 12815, WFC_SK_OBJECT, 1, 940, 8 },  /* 249 io.k8s.api.core.v1.RBDVolumeSource */
	{ 12850, WFC_SK_OBJECT, 1, 948, 2 },  /* 250 io.k8s.api.core.v1.ResourceClaim */
	{ 12883, WFC_SK_OBJECT, 1, 950, 3 },  /* 251 io.k8s.api.core.v1.ResourceFieldSelector */
	{ 12924, WFC_SK_OBJECT, 1, 953, 3 },  /* 252 io.k8s.api.core.v1.ResourceRequirements */
	{ 12964, WFC_SK_OBJECT, 1, 956, 4 },  /* 253 io.k8s.api.core.v1.SELinuxOptions */
	{ 12998, WFC_SK_OBJECT, 1, 960, 10 },  /* 254 io.k8s.api.core.v1.ScaleIOVolumeSource */
	{ 13037, WFC_SK_OBJECT, 1, 970, 2 },  /* 255 io.k8s.api.core.v1.SeccompProfile */
	{ 13071, WFC_SK_OBJECT, 1, 972, 2 },  /* 256 io.k8s.api.core.v1.SecretEnvSource */
	{ 13106, WFC_SK_OBJECT, 1, 974, 3 },  /* 257 io.k8s.api.core.v1.SecretKeySelector */
	{ 13143, WFC_SK_OBJECT, 1, 977, 3 },  /* 258 io.k8s.api.core.v1.SecretProjection */
	{ 13179, WFC_SK_OBJECT, 1, 980, 4 },  /* 259 io.k8s.api.core.v1.SecretVolumeSource */
	{ 13217, WFC_SK_OBJECT, 1, 984, 12 },  /* 260 io.k8s.api.core.v1.SecurityContext */
	{ 13252, WFC_SK_OBJECT, 1, 996, 3 },  /* 261 io.k8s.api.core.v1.ServiceAccountTokenProjection */
	{ 13301, WFC_SK_OBJECT, 1, 999, 1 },  /* 262 io.k8s.api.core.v1.SleepAction */
	{ 13332, WFC_SK_OBJECT, 1, 1000, 5 },  /* 263 io.k8s.api.core.v1.StorageOSVolumeSource */
	{ 13373, WFC_SK_OBJECT, 1, 1005, 2 },  /* 264 io.k8s.api.core.v1.Sysctl */
	{ 13399, WFC_SK_OBJECT, 1, 1007, 2 },  /* 265 io.k8s.api.core.v1.TCPSocketAction */
	{ 13434, WFC_SK_OBJECT, 1, 1009, 5 },  /* 266 io.k8s.api.core.v1.Toleration */
	{ 13464, WFC_SK_OBJECT, 1, 1014, 3 },  /* 267 io.k8s.api.core.v1.TypedLocalObjectReference */
	{ 13509, WFC_SK_OBJECT, 1, 1017, 4 },  /* 268 io.k8s.api.core.v1.TypedObjectReference */
	{ 13549, WFC_SK_OBJECT, 1, 1021, 31 },  /* 269 io.k8s.api.core.v1.Volume */
	{ 13575, WFC_SK_OBJECT, 1, 1052, 2 },  /* 270 io.k8s.api.core.v1.VolumeDevice */
	{ 13607, WFC_SK_OBJECT, 1, 1054, 7 },  /* 271 io.k8s.api.core.v1.VolumeMount */
	{ 13638, WFC_SK_OBJECT, 1, 1061, 6 },  /* 272 io.k8s.api.core.v1.VolumeProjection */
	{ 13674, WFC_SK_OBJECT, 1, 1067, 2 },  /* 273 io.k8s.api.core.v1.VolumeResourceRequirements */
	{ 13720, WFC_SK_OBJECT, 1, 1069, 4 },  /* 274 io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource */
	{ 13770, WFC_SK_OBJECT, 1, 1073, 2 },  /* 275 io.k8s.api.core.v1.WeightedPodAffinityTerm */
	{ 13813, WFC_SK_OBJECT, 1, 1075, 4 },  /* 276 io.k8s.api.core.v1.WindowsSecurityContextOptions */
	{ 13862, WFC_SK_OBJECT, 1, 1079, 4 },  /* 277 io.k8s.api.policy.v1.PodDisruptionBudgetSpec */
	{ 13907, WFC_SK_QUANTITY, 1, 0, 0 },  /* 278 io.k8s.apimachinery.pkg.api.resource.Quantity */
	{ 13953, WFC_SK_FREE_OBJECT, 1, 0, 0 },  /* 279 io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1 */
	{ 13999, WFC_SK_OBJECT, 1, 1083, 2 },  /* 280 io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector */
	{ 14050, WFC_SK_OBJECT, 1, 1085, 3 },  /* 281 io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement */
	{ 14112, WFC_SK_OBJECT, 1, 1088, 7 },  /* 282 io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry */
	{ 14168, WFC_SK_OBJECT, 1, 1095, 15 },  /* 283 io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 14216, WFC_SK_OBJECT, 1, 1110, 6 },  /* 284 io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference */
	{ 14268, WFC_SK_STRING, 1, 0, 0 },  /* 285 io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 14310, WFC_SK_INT_OR_STRING, 1, 0, 0 },  /* 286 io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 14794, WFC_SK_MAP, 0, 55, 0 },  /* 287 map[string]boolean */
	{ 14813, WFC_SK_MAP, 0, 56, 0 },  /* 288 map[string]integer */
	{ 14832, WFC_SK_MAP, 0, 111, 0 },  /* 289 map[string]io.argoproj.workflow.v1alpha1.LabelValueFrom */
	{ 14888, WFC_SK_MAP, 0, 112, 0 },  /* 290 map[string]io.argoproj.workflow.v1alpha1.LifecycleHook */
	{ 14943, WFC_SK_MAP, 0, 123, 0 },  /* 291 map[string]io.argoproj.workflow.v1alpha1.NodeStatus */
	{ 14995, WFC_SK_MAP, 0, 160, 0 },  /* 292 map[string]io.argoproj.workflow.v1alpha1.Template */
	{ 15045, WFC_SK_MAP, 0, 278, 0 },  /* 293 map[string]io.k8s.apimachinery.pkg.api.resource.Quantity */
	{ 15102, WFC_SK_MAP, 0, 295, 0 },  /* 294 map[string]string */
	{ 17808, WFC_SK_STRING, 0, 0, 0 },  /* 295 string */
};

static const struct wfc_sfield fields[1116] = {
	/* name, type */
	/* 0: io.argoproj.workflow.v1alpha1.ArchiveStrategy */
	{ 15643, 125 },  /* none: io.argoproj.workflow.v1alpha1.NoneStrategy */
	{ 18032, 159 },  /* tar: io.argoproj.workflow.v1alpha1.TarStrategy */
	{ 18903, 174 },  /* zip: io.argoproj.workflow.v1alpha1.ZipStrategy */
	/* 3: io.argoproj.workflow.v1alpha1.Arguments */
	{ 2536, 4 },  /* artifacts: []io.argoproj.workflow.v1alpha1.Artifact */
	{ 15814, 17 },  /* parameters: []io.argoproj.workflow.v1alpha1.Parameter */
	/* 5: io.argoproj.workflow.v1alpha1.ArtGCStatus */
	{ 15648, 55 },  /* notSpecified: boolean */
	{ 16136, 287 },  /* podsRecouped: map[string]boolean */
	{ 17779, 287 },  /* strategiesProcessed: map[string]boolean */
	/* 8: io.argoproj.workflow.v1alpha1.Artifact */
	{ 2381, 58 },  /* archive: io.argoproj.workflow.v1alpha1.ArchiveStrategy */
	{ 2405, 55 },  /* archiveLogs: boolean */
	{ 2441, 62 },  /* artifactGC: io.argoproj.workflow.v1alpha1.ArtifactGC */
	{ 2524, 68 },  /* artifactory: io.argoproj.workflow.v1alpha1.ArtifactoryArtifact */
	{ 2610, 70 },  /* azure: io.argoproj.workflow.v1alpha1.AzureArtifact */
	{ 3515, 55 },  /* deleted: boolean */
	{ 4210, 295 },  /* from: string */
	{ 4215, 295 },  /* fromExpression: string */
	{ 4297, 95 },  /* gcs: io.argoproj.workflow.v1alpha1.GCSArtifact */
	{ 4325, 98 },  /* git: io.argoproj.workflow.v1alpha1.GitArtifact */
	{ 4337, 295 },  /* globalName: string */
	{ 4411, 99 },  /* hdfs: io.argoproj.workflow.v1alpha1.HDFSArtifact */
	{ 4577, 102 },  /* http: io.argoproj.workflow.v1alpha1.HTTPArtifact */
	{ 15412, 56 },  /* mode: integer */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	{ 15750, 128 },  /* oss: io.argoproj.workflow.v1alpha1.OSSArtifact */
	{ 15850, 295 },  /* path: string */
	{ 15979, 135 },  /* plugin: io.argoproj.workflow.v1alpha1.PluginArtifact */
	{ 16395, 139 },  /* raw: io.argoproj.workflow.v1alpha1.RawArtifact */
	{ 16466, 55 },  /* recurseMode: boolean */
	{ 16934, 144 },  /* s3: io.argoproj.workflow.v1alpha1.S3Artifact */
	{ 17815, 295 },  /* subPath: string */
	/* 31: io.argoproj.workflow.v1alpha1.ArtifactGC */
	{ 16077, 116 },  /* podMetadata: io.argoproj.workflow.v1alpha1.Metadata */
	{ 17342, 295 },  /* serviceAccountName: string */
	{ 17799, 295 },  /* strategy: string */
	/* 34: io.argoproj.workflow.v1alpha1.ArtifactLocation */
	{ 2405, 55 },  /* archiveLogs: boolean */
	{ 2524, 68 },  /* artifactory: io.argoproj.workflow.v1alpha1.ArtifactoryArtifact */
	{ 2610, 70 },  /* azure: io.argoproj.workflow.v1alpha1.AzureArtifact */
	{ 4297, 95 },  /* gcs: io.argoproj.workflow.v1alpha1.GCSArtifact */
	{ 4325, 98 },  /* git: io.argoproj.workflow.v1alpha1.GitArtifact */
	{ 4411, 99 },  /* hdfs: io.argoproj.workflow.v1alpha1.HDFSArtifact */
	{ 4577, 102 },  /* http: io.argoproj.workflow.v1alpha1.HTTPArtifact */
	{ 15750, 128 },  /* oss: io.argoproj.workflow.v1alpha1.OSSArtifact */
	{ 15979, 135 },  /* plugin: io.argoproj.workflow.v1alpha1.PluginArtifact */
	{ 16395, 139 },  /* raw: io.argoproj.workflow.v1alpha1.RawArtifact */
	{ 16934, 144 },  /* s3: io.argoproj.workflow.v1alpha1.S3Artifact */
	/* 45: io.argoproj.workflow.v1alpha1.ArtifactPaths */
	{ 2381, 58 },  /* archive: io.argoproj.workflow.v1alpha1.ArchiveStrategy */
	{ 2405, 55 },  /* archiveLogs: boolean */
	{ 2441, 62 },  /* artifactGC: io.argoproj.workflow.v1alpha1.ArtifactGC */
	{ 2524, 68 },  /* artifactory: io.argoproj.workflow.v1alpha1.ArtifactoryArtifact */
	{ 2610, 70 },  /* azure: io.argoproj.workflow.v1alpha1.AzureArtifact */
	{ 3515, 55 },  /* deleted: boolean */
	{ 4210, 295 },  /* from: string */
	{ 4215, 295 },  /* fromExpression: string */
	{ 4297, 95 },  /* gcs: io.argoproj.workflow.v1alpha1.GCSArtifact */
	{ 4325, 98 },  /* git: io.argoproj.workflow.v1alpha1.GitArtifact */
	{ 4337, 295 },  /* globalName: string */
	{ 4411, 99 },  /* hdfs: io.argoproj.workflow.v1alpha1.HDFSArtifact */
	{ 4577, 102 },  /* http: io.argoproj.workflow.v1alpha1.HTTPArtifact */
	{ 15412, 56 },  /* mode: integer */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	{ 15750, 128 },  /* oss: io.argoproj.workflow.v1alpha1.OSSArtifact */
	{ 15850, 295 },  /* path: string */
	{ 15979, 135 },  /* plugin: io.argoproj.workflow.v1alpha1.PluginArtifact */
	{ 16395, 139 },  /* raw: io.argoproj.workflow.v1alpha1.RawArtifact */
	{ 16466, 55 },  /* recurseMode: boolean */
	{ 16934, 144 },  /* s3: io.argoproj.workflow.v1alpha1.S3Artifact */
	{ 17815, 295 },  /* subPath: string */
	/* 68: io.argoproj.workflow.v1alpha1.ArtifactRepository */
	{ 2405, 55 },  /* archiveLogs: boolean */
	{ 2524, 69 },  /* artifactory: io.argoproj.workflow.v1alpha1.ArtifactoryArtifactRepository */
	{ 2610, 71 },  /* azure: io.argoproj.workflow.v1alpha1.AzureArtifactRepository */
	{ 4297, 96 },  /* gcs: io.argoproj.workflow.v1alpha1.GCSArtifactRepository */
	{ 4411, 100 },  /* hdfs: io.argoproj.workflow.v1alpha1.HDFSArtifactRepository */
	{ 15750, 129 },  /* oss: io.argoproj.workflow.v1alpha1.OSSArtifactRepository */
	{ 15979, 136 },  /* plugin: io.argoproj.workflow.v1alpha1.PluginArtifactRepository */
	{ 16934, 145 },  /* s3: io.argoproj.workflow.v1alpha1.S3ArtifactRepository */
	/* 76: io.argoproj.workflow.v1alpha1.ArtifactRepositoryRef */
	{ 3092, 295 },  /* configMap: string */
	{ 14410, 295 },  /* key: string */
	/* 78: io.argoproj.workflow.v1alpha1.ArtifactRepositoryRefStatus */
	{ 2483, 65 },  /* artifactRepository: io.argoproj.workflow.v1alpha1.ArtifactRepository */
	{ 3092, 295 },  /* configMap: string */
	{ 3475, 55 },  /* default: boolean */
	{ 14410, 295 },  /* key: string */
	{ 15503, 295 },  /* namespace: string */
	/* 83: io.argoproj.workflow.v1alpha1.ArtifactoryArtifact */
	{ 15835, 257 },  /* passwordSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 18481, 295 },  /* url: string */
	{ 18518, 257 },  /* usernameSecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 86: io.argoproj.workflow.v1alpha1.ArtifactoryArtifactRepository */
	{ 14414, 295 },  /* keyFormat: string */
	{ 15835, 257 },  /* passwordSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 16527, 295 },  /* repoURL: string */
	{ 18518, 257 },  /* usernameSecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 90: io.argoproj.workflow.v1alpha1.AzureArtifact */
	{ 2171, 257 },  /* accountKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 2654, 295 },  /* blob: string */
	{ 3170, 295 },  /* container: string */
	{ 3791, 295 },  /* endpoint: string */
	{ 18485, 55 },  /* useSDKCreds: boolean */
	/* 95: io.argoproj.workflow.v1alpha1.AzureArtifactRepository */
	{ 2171, 257 },  /* accountKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 2659, 295 },  /* blobNameFormat: string */
	{ 3170, 295 },  /* container: string */
	{ 3791, 295 },  /* endpoint: string */
	{ 18485, 55 },  /* useSDKCreds: boolean */
	/* 100: io.argoproj.workflow.v1alpha1.Backoff */
	{ 2791, 295 },  /* cap: string */
	{ 3727, 295 },  /* duration: string */
	{ 3971, 286 },  /* factor: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 15235, 295 },  /* maxDuration: string */
	/* 104: io.argoproj.workflow.v1alpha1.BasicAuth */
	{ 15835, 257 },  /* passwordSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 18518, 257 },  /* usernameSecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 106: io.argoproj.workflow.v1alpha1.Cache */
	{ 3092, 220 },  /* configMap: io.k8s.api.core.v1.LocalObjectReference */
	/* 107: io.argoproj.workflow.v1alpha1.ClientCertAuth */
	{ 2923, 257 },  /* clientCertSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 2955, 257 },  /* clientKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 109: io.argoproj.workflow.v1alpha1.ClusterWorkflowTemplate */
	{ 2354, 295 },  /* apiVersion: string */
	{ 14458, 295 },  /* kind: string */
	{ 15338, 283 },  /* metadata: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 17509, 169 },  /* spec: io.argoproj.workflow.v1alpha1.WorkflowSpec */
	/* 113: io.argoproj.workflow.v1alpha1.Condition */
	{ 15330, 295 },  /* message: string */
	{ 17598, 295 },  /* status: string */
	{ 18445, 295 },  /* type: string */
	/* 116: io.argoproj.workflow.v1alpha1.ContainerNode */
	{ 2417, 54 },  /* args: []string */
	{ 3022, 54 },  /* command: []string */
	{ 3568, 54 },  /* dependencies: []string */
	{ 3841, 29 },  /* env: []io.k8s.api.core.v1.EnvVar */
	{ 3845, 28 },  /* envFrom: []io.k8s.api.core.v1.EnvFromSource */
	{ 4605, 295 },  /* image: string */
	{ 4611, 295 },  /* imagePullPolicy: string */
	{ 14678, 218 },  /* lifecycle: io.k8s.api.core.v1.Lifecycle */
	{ 14715, 246 },  /* livenessProbe: io.k8s.api.core.v1.Probe */
	{ 15486, 295 },  /* name: string */
	{ 16167, 24 },  /* ports: []io.k8s.api.core.v1.ContainerPort */
	{ 16435, 246 },  /* readinessProbe: io.k8s.api.core.v1.Probe */
	{ 16610, 25 },  /* resizePolicy: []io.k8s.api.core.v1.ContainerResizePolicy */
	{ 16737, 252 },  /* resources: io.k8s.api.core.v1.ResourceRequirements */
	{ 16765, 295 },  /* restartPolicy: string */
	{ 16779, 26 },  /* restartPolicyRules: []io.k8s.api.core.v1.ContainerRestartRule */
	{ 17206, 260 },  /* securityContext: io.k8s.api.core.v1.SecurityContext */
	{ 17585, 246 },  /* startupProbe: io.k8s.api.core.v1.Probe */
	{ 17605, 55 },  /* stdin: boolean */
	{ 17611, 55 },  /* stdinOnce: boolean */
	{ 18272, 295 },  /* terminationMessagePath: string */
	{ 18295, 295 },  /* terminationMessagePolicy: string */
	{ 18441, 55 },  /* tty: boolean */
	{ 18661, 47 },  /* volumeDevices: []io.k8s.api.core.v1.VolumeDevice */
	{ 18695, 48 },  /* volumeMounts: []io.k8s.api.core.v1.VolumeMount */
	{ 18886, 295 },  /* workingDir: string */
	/* 142: io.argoproj.workflow.v1alpha1.ContainerSetRetryStrategy */
	{ 3727, 295 },  /* duration: string */
	{ 16830, 286 },  /* retries: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	/* 144: io.argoproj.workflow.v1alpha1.ContainerSetTemplate */
	{ 3221, 6 },  /* containers: []io.argoproj.workflow.v1alpha1.ContainerNode */
	{ 16850, 79 },  /* retryStrategy: io.argoproj.workflow.v1alpha1.ContainerSetRetryStrategy */
	{ 18695, 48 },  /* volumeMounts: []io.k8s.api.core.v1.VolumeMount */
	/* 147: io.argoproj.workflow.v1alpha1.ContinueOn */
	{ 3863, 55 },  /* error: boolean */
	{ 3987, 55 },  /* failed: boolean */
	/* 149: io.argoproj.workflow.v1alpha1.Counter */
	{ 18533, 295 },  /* value: string */
	/* 150: io.argoproj.workflow.v1alpha1.CreateS3BucketOptions */
	{ 15668, 55 },  /* objectLocking: boolean */
	/* 151: io.argoproj.workflow.v1alpha1.CronWorkflow */
	{ 2354, 295 },  /* apiVersion: string */
	{ 14458, 295 },  /* kind: string */
	{ 15338, 283 },  /* metadata: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 17509, 85 },  /* spec: io.argoproj.workflow.v1alpha1.CronWorkflowSpec */
	{ 17598, 86 },  /* status: io.argoproj.workflow.v1alpha1.CronWorkflowStatus */
	/* 156: io.argoproj.workflow.v1alpha1.CronWorkflowSpec */
	{ 3063, 295 },  /* concurrencyPolicy: string */
	{ 3994, 56 },  /* failedJobsHistoryLimit: integer */
	{ 16977, 54 },  /* schedules: []string */
	{ 17561, 56 },  /* startingDeadlineSeconds: integer */
	{ 17638, 152 },  /* stopStrategy: io.argoproj.workflow.v1alpha1.StopStrategy */
	{ 17891, 56 },  /* successfulJobsHistoryLimit: integer */
	{ 17971, 55 },  /* suspend: boolean */
	{ 18348, 295 },  /* timezone: string */
	{ 18783, 295 },  /* when: string */
	{ 18836, 283 },  /* workflowMetadata: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 18853, 169 },  /* workflowSpec: io.argoproj.workflow.v1alpha1.WorkflowSpec */
	/* 167: io.argoproj.workflow.v1alpha1.CronWorkflowStatus */
	{ 2195, 36 },  /* active: []io.k8s.api.core.v1.ObjectReference */
	{ 3081, 5 },  /* conditions: []io.argoproj.workflow.v1alpha1.Condition */
	{ 3987, 56 },  /* failed: integer */
	{ 14635, 285 },  /* lastScheduledTime: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 15952, 295 },  /* phase: string */
	{ 17847, 56 },  /* succeeded: integer */
	/* 173: io.argoproj.workflow.v1alpha1.DAGTask */
	{ 2422, 59 },  /* arguments: io.argoproj.workflow.v1alpha1.Arguments */
	{ 3232, 81 },  /* continueOn: io.argoproj.workflow.v1alpha1.ContinueOn */
	{ 3568, 54 },  /* dependencies: []string */
	{ 3581, 295 },  /* depends: string */
	{ 4482, 290 },  /* hooks: map[string]io.argoproj.workflow.v1alpha1.LifecycleHook */
	{ 4693, 160 },  /* inline: io.argoproj.workflow.v1alpha1.Template */
	{ 15486, 295 },  /* name: string */
	{ 15707, 295 },  /* onExit: string */
	{ 18160, 295 },  /* template: string */
	{ 18199, 161 },  /* templateRef: io.argoproj.workflow.v1alpha1.TemplateRef */
	{ 18783, 295 },  /* when: string */
	{ 18803, 11 },  /* withItems: []io.argoproj.workflow.v1alpha1.Item */
	{ 18813, 295 },  /* withParam: string */
	{ 18823, 151 },  /* withSequence: io.argoproj.workflow.v1alpha1.Sequence */
	/* 187: io.argoproj.workflow.v1alpha1.DAGTemplate */
	{ 3978, 55 },  /* failFast: boolean */
	{ 18036, 295 },  /* target: string */
	{ 18144, 7 },  /* tasks: []io.argoproj.workflow.v1alpha1.DAGTask */
	/* 190: io.argoproj.workflow.v1alpha1.Data */
	{ 17494, 90 },  /* source: io.argoproj.workflow.v1alpha1.DataSource */
	{ 18414, 22 },  /* transformation: []io.argoproj.workflow.v1alpha1.TransformationStep */
	/* 192: io.argoproj.workflow.v1alpha1.DataSource */
	{ 2469, 64 },  /* artifactPaths: io.argoproj.workflow.v1alpha1.ArtifactPaths */
	/* 193: io.argoproj.workflow.v1alpha1.ExecutorConfig */
	{ 17342, 295 },  /* serviceAccountName: string */
	/* 194: io.argoproj.workflow.v1alpha1.ExecutorPlugin */
	{ 15338, 283 },  /* metadata: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 17509, 94 },  /* spec: io.argoproj.workflow.v1alpha1.ExecutorPluginSpec */
	/* 196: io.argoproj.workflow.v1alpha1.ExecutorPluginSidecar */
	{ 2560, 55 },  /* automountServiceAccountToken: boolean */
	{ 3170, 189 },  /* container: io.k8s.api.core.v1.Container */
	/* 198: io.argoproj.workflow.v1alpha1.ExecutorPluginSpec */
	{ 17437, 93 },  /* sidecar: io.argoproj.workflow.v1alpha1.ExecutorPluginSidecar */
	/* 199: io.argoproj.workflow.v1alpha1.GCSArtifact */
	{ 2733, 295 },  /* bucket: string */
	{ 14410, 295 },  /* key: string */
	{ 17318, 257 },  /* serviceAccountKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 202: io.argoproj.workflow.v1alpha1.GCSArtifactRepository */
	{ 2733, 295 },  /* bucket: string */
	{ 14414, 295 },  /* keyFormat: string */
	{ 17318, 257 },  /* serviceAccountKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 205: io.argoproj.workflow.v1alpha1.Gauge */
	{ 15714, 295 },  /* operation: string */
	{ 16450, 55 },  /* realtime: boolean */
	{ 18533, 295 },  /* value: string */
	/* 208: io.argoproj.workflow.v1alpha1.GitArtifact */
	{ 2726, 295 },  /* branch: string */
	{ 3589, 56 },  /* depth: integer */
	{ 3628, 55 },  /* disableSubmodules: boolean */
	{ 4072, 54 },  /* fetch: []string */
	{ 4716, 55 },  /* insecureIgnoreHostKey: boolean */
	{ 4738, 55 },  /* insecureSkipTLS: boolean */
	{ 15835, 257 },  /* passwordSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 16522, 295 },  /* repo: string */
	{ 16864, 295 },  /* revision: string */
	{ 17465, 55 },  /* singleBranch: boolean */
	{ 17514, 257 },  /* sshPrivateKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 18518, 257 },  /* usernameSecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 220: io.argoproj.workflow.v1alpha1.HDFSArtifact */
	{ 2228, 54 },  /* addresses: []string */
	{ 3419, 295 },  /* dataTransferProtection: string */
	{ 4175, 55 },  /* force: boolean */
	{ 4416, 295 },  /* hdfsUser: string */
	{ 14493, 257 },  /* krbCCacheSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 14509, 186 },  /* krbConfigConfigMap: io.k8s.api.core.v1.ConfigMapKeySelector */
	{ 14528, 257 },  /* krbKeytabSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 14544, 295 },  /* krbRealm: string */
	{ 14553, 295 },  /* krbServicePrincipalName: string */
	{ 14577, 295 },  /* krbUsername: string */
	{ 15850, 295 },  /* path: string */
	/* 231: io.argoproj.workflow.v1alpha1.HDFSArtifactRepository */
	{ 2228, 54 },  /* addresses: []string */
	{ 3419, 295 },  /* dataTransferProtection: string */
	{ 4175, 55 },  /* force: boolean */
	{ 4416, 295 },  /* hdfsUser: string */
	{ 14493, 257 },  /* krbCCacheSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 14509, 186 },  /* krbConfigConfigMap: io.k8s.api.core.v1.ConfigMapKeySelector */
	{ 14528, 257 },  /* krbKeytabSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 14544, 295 },  /* krbRealm: string */
	{ 14553, 295 },  /* krbServicePrincipalName: string */
	{ 14577, 295 },  /* krbUsername: string */
	{ 15855, 295 },  /* pathFormat: string */
	/* 242: io.argoproj.workflow.v1alpha1.HTTP */
	{ 2693, 295 },  /* body: string */
	{ 2698, 104 },  /* bodyFrom: io.argoproj.workflow.v1alpha1.HTTPBodySource */
	{ 4425, 9 },  /* headers: []io.argoproj.workflow.v1alpha1.HTTPHeader */
	{ 4754, 55 },  /* insecureSkipVerify: boolean */
	{ 15347, 295 },  /* method: string */
	{ 17857, 295 },  /* successCondition: string */
	{ 18333, 56 },  /* timeoutSeconds: integer */
	{ 18481, 295 },  /* url: string */
	/* 250: io.argoproj.workflow.v1alpha1.HTTPArtifact */
	{ 2555, 103 },  /* auth: io.argoproj.workflow.v1alpha1.HTTPAuth */
	{ 4425, 10 },  /* headers: []io.argoproj.workflow.v1alpha1.Header */
	{ 16937, 55 },  /* saveStreamViaFile: boolean */
	{ 18481, 295 },  /* url: string */
	/* 254: io.argoproj.workflow.v1alpha1.HTTPAuth */
	{ 2644, 73 },  /* basicAuth: io.argoproj.workflow.v1alpha1.BasicAuth */
	{ 2912, 75 },  /* clientCert: io.argoproj.workflow.v1alpha1.ClientCertAuth */
	{ 15661, 126 },  /* oauth2: io.argoproj.workflow.v1alpha1.OAuth2Auth */
	/* 257: io.argoproj.workflow.v1alpha1.HTTPBodySource */
	{ 2748, 295 },  /* bytes: string */
	/* 258: io.argoproj.workflow.v1alpha1.HTTPHeader */
	{ 15486, 295 },  /* name: string */
	{ 18533, 295 },  /* value: string */
	{ 18539, 106 },  /* valueFrom: io.argoproj.workflow.v1alpha1.HTTPHeaderSource */
	/* 261: io.argoproj.workflow.v1alpha1.HTTPHeaderSource */
	{ 17156, 257 },  /* secretKeyRef: io.k8s.api.core.v1.SecretKeySelector */
	/* 262: io.argoproj.workflow.v1alpha1.Header */
	{ 15486, 295 },  /* name: string */
	{ 18533, 295 },  /* value: string */
	/* 264: io.argoproj.workflow.v1alpha1.Histogram */
	{ 2740, 3 },  /* buckets: []io.argoproj.workflow.v1alpha1.Amount */
	{ 18533, 295 },  /* value: string */
	/* 266: io.argoproj.workflow.v1alpha1.Inputs */
	{ 2536, 4 },  /* artifacts: []io.argoproj.workflow.v1alpha1.Artifact */
	{ 15814, 17 },  /* parameters: []io.argoproj.workflow.v1alpha1.Parameter */
	/* 268: io.argoproj.workflow.v1alpha1.LabelValueFrom */
	{ 3960, 295 },  /* expression: string */
	/* 269: io.argoproj.workflow.v1alpha1.LifecycleHook */
	{ 2422, 59 },  /* arguments: io.argoproj.workflow.v1alpha1.Arguments */
	{ 3960, 295 },  /* expression: string */
	{ 18160, 295 },  /* template: string */
	{ 18199, 161 },  /* templateRef: io.argoproj.workflow.v1alpha1.TemplateRef */
	/* 273: io.argoproj.workflow.v1alpha1.ManifestFrom */
	{ 2432, 61 },  /* artifact: io.argoproj.workflow.v1alpha1.Artifact */
	/* 274: io.argoproj.workflow.v1alpha1.MemoizationStatus */
	{ 2769, 295 },  /* cacheName: string */
	{ 4448, 55 },  /* hit: boolean */
	{ 14410, 295 },  /* key: string */
	/* 277: io.argoproj.workflow.v1alpha1.Memoize */
	{ 2763, 74 },  /* cache: io.argoproj.workflow.v1alpha1.Cache */
	{ 14410, 295 },  /* key: string */
	{ 15228, 295 },  /* maxAge: string */
	/* 280: io.argoproj.workflow.v1alpha1.Metadata */
	{ 2333, 294 },  /* annotations: map[string]string */
	{ 14603, 294 },  /* labels: map[string]string */
	/* 282: io.argoproj.workflow.v1alpha1.MetricLabel */
	{ 14410, 295 },  /* key: string */
	{ 18533, 295 },  /* value: string */
	/* 284: io.argoproj.workflow.v1alpha1.Metrics */
	{ 16339, 18 },  /* prometheus: []io.argoproj.workflow.v1alpha1.Prometheus */
	/* 285: io.argoproj.workflow.v1alpha1.Mutex */
	{ 3442, 55 },  /* database: boolean */
	{ 15486, 295 },  /* name: string */
	{ 15503, 295 },  /* namespace: string */
	/* 288: io.argoproj.workflow.v1alpha1.MutexHolding */
	{ 4452, 295 },  /* holder: string */
	{ 15472, 295 },  /* mutex: string */
	/* 290: io.argoproj.workflow.v1alpha1.MutexStatus */
	{ 4467, 14 },  /* holding: []io.argoproj.workflow.v1alpha1.MutexHolding */
	{ 18768, 14 },  /* waiting: []io.argoproj.workflow.v1alpha1.MutexHolding */
	/* 292: io.argoproj.workflow.v1alpha1.NodeFlag */
	{ 4475, 55 },  /* hooked: boolean */
	{ 16822, 55 },  /* retried: boolean */
	/* 294: io.argoproj.workflow.v1alpha1.NodeStatus */
	{ 2715, 295 },  /* boundaryID: string */
	{ 2879, 54 },  /* children: []string */
	{ 3376, 55 },  /* daemoned: boolean */
	{ 3663, 295 },  /* displayName: string */
	{ 3869, 56 },  /* estimatedDuration: integer */
	{ 4017, 56 },  /* failedPodRestarts: integer */
	{ 4139, 285 },  /* finishedAt: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 4524, 295 },  /* hostNodeName: string */
	{ 4602, 295 },  /* id: string */
	{ 4700, 109 },  /* inputs: io.argoproj.workflow.v1alpha1.Inputs */
	{ 15290, 114 },  /* memoizationStatus: io.argoproj.workflow.v1alpha1.MemoizationStatus */
	{ 15330, 295 },  /* message: string */
	{ 15486, 295 },  /* name: string */
	{ 15576, 122 },  /* nodeFlag: io.argoproj.workflow.v1alpha1.NodeFlag */
	{ 15754, 54 },  /* outboundNodes: []string */
	{ 15768, 131 },  /* outputs: io.argoproj.workflow.v1alpha1.Outputs */
	{ 15952, 295 },  /* phase: string */
	{ 16071, 295 },  /* podIP: string */
	{ 16320, 295 },  /* progress: string */
	{ 16747, 288 },  /* resourcesDuration: map[string]integer */
	{ 16798, 295 },  /* restartingPodUID: string */
	{ 17551, 285 },  /* startedAt: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 17995, 124 },  /* synchronizationStatus: io.argoproj.workflow.v1alpha1.NodeSynchronizationStatus */
	{ 18099, 55 },  /* taskResultSynced: boolean */
	{ 18186, 295 },  /* templateName: string */
	{ 18199, 161 },  /* templateRef: io.argoproj.workflow.v1alpha1.TemplateRef */
	{ 18211, 295 },  /* templateScope: string */
	{ 18445, 295 },  /* type: string */
	/* 322: io.argoproj.workflow.v1alpha1.NodeSynchronizationStatus */
	{ 18768, 295 },  /* waiting: string */
	/* 323: io.argoproj.workflow.v1alpha1.OAuth2Auth */
	{ 2940, 257 },  /* clientIDSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 2971, 257 },  /* clientSecretSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 3800, 15 },  /* endpointParams: []io.argoproj.workflow.v1alpha1.OAuth2EndpointParam */
	{ 16994, 54 },  /* scopes: []string */
	{ 18357, 257 },  /* tokenURLSecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 328: io.argoproj.workflow.v1alpha1.OAuth2EndpointParam */
	{ 14410, 295 },  /* key: string */
	{ 18533, 295 },  /* value: string */
	/* 330: io.argoproj.workflow.v1alpha1.OSSArtifact */
	{ 2143, 257 },  /* accessKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 2733, 295 },  /* bucket: string */
	{ 3268, 55 },  /* createBucketIfNotPresent: boolean */
	{ 3791, 295 },  /* endpoint: string */
	{ 14410, 295 },  /* key: string */
	{ 14688, 130 },  /* lifecycleRule: io.argoproj.workflow.v1alpha1.OSSLifecycleRule */
	{ 17169, 257 },  /* secretKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 17222, 295 },  /* securityToken: string */
	{ 18485, 55 },  /* useSDKCreds: boolean */
	/* 339: io.argoproj.workflow.v1alpha1.OSSArtifactRepository */
	{ 2143, 257 },  /* accessKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 2733, 295 },  /* bucket: string */
	{ 3268, 55 },  /* createBucketIfNotPresent: boolean */
	{ 3791, 295 },  /* endpoint: string */
	{ 14414, 295 },  /* keyFormat: string */
	{ 14688, 130 },  /* lifecycleRule: io.argoproj.workflow.v1alpha1.OSSLifecycleRule */
	{ 17169, 257 },  /* secretKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 17222, 295 },  /* securityToken: string */
	{ 18485, 55 },  /* useSDKCreds: boolean */
	/* 348: io.argoproj.workflow.v1alpha1.OSSLifecycleRule */
	{ 15120, 56 },  /* markDeletionAfterDays: integer */
	{ 15142, 56 },  /* markInfrequentAccessAfterDays: integer */
	/* 350: io.argoproj.workflow.v1alpha1.Outputs */
	{ 2536, 4 },  /* artifacts: []io.argoproj.workflow.v1alpha1.Artifact */
	{ 3923, 295 },  /* exitCode: string */
	{ 15814, 17 },  /* parameters: []io.argoproj.workflow.v1alpha1.Parameter */
	{ 16815, 295 },  /* result: string */
	/* 354: io.argoproj.workflow.v1alpha1.Parameter */
	{ 3475, 0 },  /* default: AnyString */
	{ 3595, 0 },  /* description: AnyString */
	{ 3836, 1 },  /* enum: []AnyString */
	{ 4337, 295 },  /* globalName: string */
	{ 15486, 295 },  /* name: string */
	{ 18533, 0 },  /* value: AnyString */
	{ 18539, 164 },  /* valueFrom: io.argoproj.workflow.v1alpha1.ValueFrom */
	/* 361: io.argoproj.workflow.v1alpha1.PluginArtifact */
	{ 3131, 295 },  /* configuration: string */
	{ 3145, 56 },  /* connectionTimeoutSeconds: integer */
	{ 14410, 295 },  /* key: string */
	{ 15486, 295 },  /* name: string */
	/* 365: io.argoproj.workflow.v1alpha1.PluginArtifactRepository */
	{ 3131, 295 },  /* configuration: string */
	{ 14414, 295 },  /* keyFormat: string */
	{ 15486, 295 },  /* name: string */
	/* 368: io.argoproj.workflow.v1alpha1.PodGC */
	{ 3495, 295 },  /* deleteDelayDuration: string */
	{ 14589, 280 },  /* labelSelector: io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector */
	{ 17799, 295 },  /* strategy: string */
	/* 371: io.argoproj.workflow.v1alpha1.Prometheus */
	{ 3260, 82 },  /* counter: io.argoproj.workflow.v1alpha1.Counter */
	{ 4273, 97 },  /* gauge: io.argoproj.workflow.v1alpha1.Gauge */
	{ 4433, 295 },  /* help: string */
	{ 4438, 108 },  /* histogram: io.argoproj.workflow.v1alpha1.Histogram */
	{ 14603, 12 },  /* labels: []io.argoproj.workflow.v1alpha1.MetricLabel */
	{ 15486, 295 },  /* name: string */
	{ 18783, 295 },  /* when: string */
	/* 378: io.argoproj.workflow.v1alpha1.RawArtifact */
	{ 3389, 295 },  /* data: string */
	/* 379: io.argoproj.workflow.v1alpha1.ResourceTemplate */
	{ 2188, 295 },  /* action: string */
	{ 4035, 295 },  /* failureCondition: string */
	{ 4150, 54 },  /* flags: []string */
	{ 14772, 295 },  /* manifest: string */
	{ 14781, 113 },  /* manifestFrom: io.argoproj.workflow.v1alpha1.ManifestFrom */
	{ 15316, 295 },  /* mergeStrategy: string */
	{ 17400, 55 },  /* setOwnerReference: boolean */
	{ 17857, 295 },  /* successCondition: string */
	/* 387: io.argoproj.workflow.v1alpha1.RetryAffinity */
	{ 15559, 142 },  /* nodeAntiAffinity: io.argoproj.workflow.v1alpha1.RetryNodeAntiAffinity */
	/* 388: io.argoproj.workflow.v1alpha1.RetryStrategy */
	{ 2254, 141 },  /* affinity: io.argoproj.workflow.v1alpha1.RetryAffinity */
	{ 2636, 72 },  /* backoff: io.argoproj.workflow.v1alpha1.Backoff */
	{ 3960, 295 },  /* expression: string */
	{ 14702, 286 },  /* limit: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 16838, 295 },  /* retryPolicy: string */
	/* 393: io.argoproj.workflow.v1alpha1.S3Artifact */
	{ 2143, 257 },  /* accessKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 2238, 295 },  /* addressingStyle: string */
	{ 2733, 295 },  /* bucket: string */
	{ 2754, 257 },  /* caSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 3268, 83 },  /* createBucketIfNotPresent: io.argoproj.workflow.v1alpha1.CreateS3BucketOptions */
	{ 3769, 146 },  /* encryptionOptions: io.argoproj.workflow.v1alpha1.S3EncryptionOptions */
	{ 3791, 295 },  /* endpoint: string */
	{ 4707, 55 },  /* insecure: boolean */
	{ 14410, 295 },  /* key: string */
	{ 16506, 295 },  /* region: string */
	{ 16878, 295 },  /* roleARN: string */
	{ 17169, 257 },  /* secretKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 17381, 257 },  /* sessionTokenSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 18485, 55 },  /* useSDKCreds: boolean */
	/* 407: io.argoproj.workflow.v1alpha1.S3ArtifactRepository */
	{ 2143, 257 },  /* accessKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 2238, 295 },  /* addressingStyle: string */
	{ 2733, 295 },  /* bucket: string */
	{ 2754, 257 },  /* caSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 3268, 83 },  /* createBucketIfNotPresent: io.argoproj.workflow.v1alpha1.CreateS3BucketOptions */
	{ 3769, 146 },  /* encryptionOptions: io.argoproj.workflow.v1alpha1.S3EncryptionOptions */
	{ 3791, 295 },  /* endpoint: string */
	{ 4707, 55 },  /* insecure: boolean */
	{ 14414, 295 },  /* keyFormat: string */
	{ 14432, 295 },  /* keyPrefix: string */
	{ 16506, 295 },  /* region: string */
	{ 16878, 295 },  /* roleARN: string */
	{ 17169, 257 },  /* secretKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 17381, 257 },  /* sessionTokenSecret: io.k8s.api.core.v1.SecretKeySelector */
	{ 18485, 55 },  /* useSDKCreds: boolean */
	/* 422: io.argoproj.workflow.v1alpha1.S3EncryptionOptions */
	{ 3752, 55 },  /* enableEncryption: boolean */
	{ 14463, 295 },  /* kmsEncryptionContext: string */
	{ 14484, 295 },  /* kmsKeyId: string */
	{ 17282, 257 },  /* serverSideCustomerKeySecret: io.k8s.api.core.v1.SecretKeySelector */
	/* 426: io.argoproj.workflow.v1alpha1.ScriptTemplate */
	{ 2417, 54 },  /* args: []string */
	{ 3022, 54 },  /* command: []string */
	{ 3841, 29 },  /* env: []io.k8s.api.core.v1.EnvVar */
	{ 3845, 28 },  /* envFrom: []io.k8s.api.core.v1.EnvFromSource */
	{ 4605, 295 },  /* image: string */
	{ 4611, 295 },  /* imagePullPolicy: string */
	{ 14678, 218 },  /* lifecycle: io.k8s.api.core.v1.Lifecycle */
	{ 14715, 246 },  /* livenessProbe: io.k8s.api.core.v1.Probe */
	{ 15486, 295 },  /* name: string */
	{ 16167, 24 },  /* ports: []io.k8s.api.core.v1.ContainerPort */
	{ 16435, 246 },  /* readinessProbe: io.k8s.api.core.v1.Probe */
	{ 16610, 25 },  /* resizePolicy: []io.k8s.api.core.v1.ContainerResizePolicy */
	{ 16737, 252 },  /* resources: io.k8s.api.core.v1.ResourceRequirements */
	{ 16765, 295 },  /* restartPolicy: string */
	{ 16779, 26 },  /* restartPolicyRules: []io.k8s.api.core.v1.ContainerRestartRule */
	{ 17206, 260 },  /* securityContext: io.k8s.api.core.v1.SecurityContext */
	{ 17494, 295 },  /* source: string */
	{ 17585, 246 },  /* startupProbe: io.k8s.api.core.v1.Probe */
	{ 17605, 55 },  /* stdin: boolean */
	{ 17611, 55 },  /* stdinOnce: boolean */
	{ 18272, 295 },  /* terminationMessagePath: string */
	{ 18295, 295 },  /* terminationMessagePolicy: string */
	{ 18441, 55 },  /* tty: boolean */
	{ 18661, 47 },  /* volumeDevices: []io.k8s.api.core.v1.VolumeDevice */
	{ 18695, 48 },  /* volumeMounts: []io.k8s.api.core.v1.VolumeMount */
	{ 18886, 295 },  /* workingDir: string */
	/* 452: io.argoproj.workflow.v1alpha1.SemaphoreHolding */
	{ 4459, 54 },  /* holders: []string */
	{ 17254, 295 },  /* semaphore: string */
	/* 454: io.argoproj.workflow.v1alpha1.SemaphoreRef */
	{ 3102, 186 },  /* configMapKeyRef: io.k8s.api.core.v1.ConfigMapKeySelector */
	{ 3442, 155 },  /* database: io.argoproj.workflow.v1alpha1.SyncDatabaseRef */
	{ 15503, 295 },  /* namespace: string */
	/* 457: io.argoproj.workflow.v1alpha1.SemaphoreStatus */
	{ 4467, 19 },  /* holding: []io.argoproj.workflow.v1alpha1.SemaphoreHolding */
	{ 18768, 19 },  /* waiting: []io.argoproj.workflow.v1alpha1.SemaphoreHolding */
	/* 459: io.argoproj.workflow.v1alpha1.Sequence */
	{ 3254, 286 },  /* count: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 3787, 286 },  /* end: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 4203, 295 },  /* format: string */
	{ 17545, 286 },  /* start: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	/* 463: io.argoproj.workflow.v1alpha1.StopStrategy */
	{ 3960, 295 },  /* expression: string */
	/* 464: io.argoproj.workflow.v1alpha1.SuspendTemplate */
	{ 3727, 295 },  /* duration: string */
	/* 465: io.argoproj.workflow.v1alpha1.SyncDatabaseRef */
	{ 14410, 295 },  /* key: string */
	/* 466: io.argoproj.workflow.v1alpha1.Synchronization */
	{ 15478, 13 },  /* mutexes: []io.argoproj.workflow.v1alpha1.Mutex */
	{ 17264, 20 },  /* semaphores: []io.argoproj.workflow.v1alpha1.SemaphoreRef */
	/* 468: io.argoproj.workflow.v1alpha1.SynchronizationStatus */
	{ 15472, 121 },  /* mutex: io.argoproj.workflow.v1alpha1.MutexStatus */
	{ 17254, 150 },  /* semaphore: io.argoproj.workflow.v1alpha1.SemaphoreStatus */
	/* 470: io.argoproj.workflow.v1alpha1.TTLStrategy */
	{ 17075, 56 },  /* secondsAfterCompletion: integer */
	{ 17098, 56 },  /* secondsAfterFailure: integer */
	{ 17118, 56 },  /* secondsAfterSuccess: integer */
	/* 473: io.argoproj.workflow.v1alpha1.TarStrategy */
	{ 3046, 56 },  /* compressionLevel: integer */
	/* 474: io.argoproj.workflow.v1alpha1.Template */
	{ 2202, 286 },  /* activeDeadlineSeconds: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 2254, 176 },  /* affinity: io.k8s.api.core.v1.Affinity */
	{ 2333, 294 },  /* annotations: map[string]string */
	{ 2389, 63 },  /* archiveLocation: io.argoproj.workflow.v1alpha1.ArtifactLocation */
	{ 2560, 55 },  /* automountServiceAccountToken: boolean */
	{ 3170, 189 },  /* container: io.k8s.api.core.v1.Container */
	{ 3208, 80 },  /* containerSet: io.argoproj.workflow.v1alpha1.ContainerSetTemplate */
	{ 3369, 55 },  /* daemon: boolean */
	{ 3385, 88 },  /* dag: io.argoproj.workflow.v1alpha1.DAGTemplate */
	{ 3389, 89 },  /* data: io.argoproj.workflow.v1alpha1.Data */
	{ 3898, 91 },  /* executor: io.argoproj.workflow.v1alpha1.ExecutorConfig */
	{ 3978, 55 },  /* failFast: boolean */
	{ 4493, 31 },  /* hostAliases: []io.k8s.api.core.v1.HostAlias */
	{ 4577, 101 },  /* http: io.argoproj.workflow.v1alpha1.HTTP */
	{ 4644, 23 },  /* initContainers: []io.argoproj.workflow.v1alpha1.UserContainer */
	{ 4700, 109 },  /* inputs: io.argoproj.workflow.v1alpha1.Inputs */
	{ 15308, 115 },  /* memoize: io.argoproj.workflow.v1alpha1.Memoize */
	{ 15338, 116 },  /* metadata: io.argoproj.workflow.v1alpha1.Metadata */
	{ 15354, 118 },  /* metrics: io.argoproj.workflow.v1alpha1.Metrics */
	{ 15486, 295 },  /* name: string */
	{ 15606, 294 },  /* nodeSelector: map[string]string */
	{ 15768, 131 },  /* outputs: io.argoproj.workflow.v1alpha1.Outputs */
	{ 15792, 56 },  /* parallelism: integer */
	{ 15878, 295 },  /* pendingTimeout: string */
	{ 15979, 134 },  /* plugin: io.argoproj.workflow.v1alpha1.Plugin */
	{ 16110, 252 },  /* podResources: io.k8s.api.core.v1.ResourceRequirements */
	{ 16123, 295 },  /* podSpecPatch: string */
	{ 16281, 295 },  /* priorityClassName: string */
	{ 16623, 140 },  /* resource: io.argoproj.workflow.v1alpha1.ResourceTemplate */
	{ 16676, 41 },  /* resourceClaims: []io.k8s.api.core.v1.PodResourceClaim */
	{ 16850, 143 },  /* retryStrategy: io.argoproj.workflow.v1alpha1.RetryStrategy */
	{ 16963, 295 },  /* schedulerName: string */
	{ 17001, 147 },  /* script: io.argoproj.workflow.v1alpha1.ScriptTemplate */
	{ 17206, 243 },  /* securityContext: io.k8s.api.core.v1.PodSecurityContext */
	{ 17342, 295 },  /* serviceAccountName: string */
	{ 17445, 23 },  /* sidecars: []io.argoproj.workflow.v1alpha1.UserContainer */
	{ 17621, 16 },  /* steps: []io.argoproj.workflow.v1alpha1.ParallelSteps */
	{ 17971, 154 },  /* suspend: io.argoproj.workflow.v1alpha1.SuspendTemplate */
	{ 17979, 156 },  /* synchronization: io.argoproj.workflow.v1alpha1.Synchronization */
	{ 18325, 295 },  /* timeout: string */
	{ 18390, 45 },  /* tolerations: []io.k8s.api.core.v1.Toleration */
	{ 18746, 46 },  /* volumes: []io.k8s.api.core.v1.Volume */
	/* 516: io.argoproj.workflow.v1alpha1.TemplateRef */
	{ 2990, 55 },  /* clusterScope: boolean */
	{ 15486, 295 },  /* name: string */
	{ 18160, 295 },  /* template: string */
	/* 519: io.argoproj.workflow.v1alpha1.TransformationStep */
	{ 3960, 295 },  /* expression: string */
	/* 520: io.argoproj.workflow.v1alpha1.UserContainer */
	{ 2417, 54 },  /* args: []string */
	{ 3022, 54 },  /* command: []string */
	{ 3841, 29 },  /* env: []io.k8s.api.core.v1.EnvVar */
	{ 3845, 28 },  /* envFrom: []io.k8s.api.core.v1.EnvFromSource */
	{ 4605, 295 },  /* image: string */
	{ 4611, 295 },  /* imagePullPolicy: string */
	{ 14678, 218 },  /* lifecycle: io.k8s.api.core.v1.Lifecycle */
	{ 14715, 246 },  /* livenessProbe: io.k8s.api.core.v1.Probe */
	{ 15375, 55 },  /* mirrorVolumeMounts: boolean */
	{ 15486, 295 },  /* name: string */
	{ 16167, 24 },  /* ports: []io.k8s.api.core.v1.ContainerPort */
	{ 16435, 246 },  /* readinessProbe: io.k8s.api.core.v1.Probe */
	{ 16610, 25 },  /* resizePolicy: []io.k8s.api.core.v1.ContainerResizePolicy */
	{ 16737, 252 },  /* resources: io.k8s.api.core.v1.ResourceRequirements */
	{ 16765, 295 },  /* restartPolicy: string */
	{ 16779, 26 },  /* restartPolicyRules: []io.k8s.api.core.v1.ContainerRestartRule */
	{ 17206, 260 },  /* securityContext: io.k8s.api.core.v1.SecurityContext */
	{ 17585, 246 },  /* startupProbe: io.k8s.api.core.v1.Probe */
	{ 17605, 55 },  /* stdin: boolean */
	{ 17611, 55 },  /* stdinOnce: boolean */
	{ 18272, 295 },  /* terminationMessagePath: string */
	{ 18295, 295 },  /* terminationMessagePolicy: string */
	{ 18441, 55 },  /* tty: boolean */
	{ 18661, 47 },  /* volumeDevices: []io.k8s.api.core.v1.VolumeDevice */
	{ 18695, 48 },  /* volumeMounts: []io.k8s.api.core.v1.VolumeMount */
	{ 18886, 295 },  /* workingDir: string */
	/* 546: io.argoproj.workflow.v1alpha1.ValueFrom */
	{ 3102, 186 },  /* configMapKeyRef: io.k8s.api.core.v1.ConfigMapKeySelector */
	{ 3475, 0 },  /* default: AnyString */
	{ 3887, 295 },  /* event: string */
	{ 3960, 295 },  /* expression: string */
	{ 14392, 295 },  /* jqFilter: string */
	{ 14401, 295 },  /* jsonPath: string */
	{ 15804, 295 },  /* parameter: string */
	{ 15850, 295 },  /* path: string */
	{ 17962, 153 },  /* supplied: io.argoproj.workflow.v1alpha1.SuppliedValueFrom */
	/* 555: io.argoproj.workflow.v1alpha1.VolumeClaimGC */
	{ 17799, 295 },  /* strategy: string */
	/* 556: io.argoproj.workflow.v1alpha1.Workflow */
	{ 2354, 295 },  /* apiVersion: string */
	{ 14458, 295 },  /* kind: string */
	{ 15338, 283 },  /* metadata: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 17509, 169 },  /* spec: io.argoproj.workflow.v1alpha1.WorkflowSpec */
	{ 17598, 170 },  /* status: io.argoproj.workflow.v1alpha1.WorkflowStatus */
	/* 561: io.argoproj.workflow.v1alpha1.WorkflowLevelArtifactGC */
	{ 4181, 55 },  /* forceFinalizerRemoval: boolean */
	{ 16077, 116 },  /* podMetadata: io.argoproj.workflow.v1alpha1.Metadata */
	{ 16123, 295 },  /* podSpecPatch: string */
	{ 17342, 295 },  /* serviceAccountName: string */
	{ 17799, 295 },  /* strategy: string */
	/* 566: io.argoproj.workflow.v1alpha1.WorkflowMetadata */
	{ 2333, 294 },  /* annotations: map[string]string */
	{ 14603, 294 },  /* labels: map[string]string */
	{ 14610, 289 },  /* labelsFrom: map[string]io.argoproj.workflow.v1alpha1.LabelValueFrom */
	/* 569: io.argoproj.workflow.v1alpha1.WorkflowSpec */
	{ 2202, 56 },  /* activeDeadlineSeconds: integer */
	{ 2254, 176 },  /* affinity: io.k8s.api.core.v1.Affinity */
	{ 2405, 55 },  /* archiveLogs: boolean */
	{ 2422, 59 },  /* arguments: io.argoproj.workflow.v1alpha1.Arguments */
	{ 2441, 167 },  /* artifactGC: io.argoproj.workflow.v1alpha1.WorkflowLevelArtifactGC */
	{ 2502, 66 },  /* artifactRepositoryRef: io.argoproj.workflow.v1alpha1.ArtifactRepositoryRef */
	{ 2560, 55 },  /* automountServiceAccountToken: boolean */
	{ 3683, 240 },  /* dnsConfig: io.k8s.api.core.v1.PodDNSConfig */
	{ 3693, 295 },  /* dnsPolicy: string */
	{ 3825, 295 },  /* entrypoint: string */
	{ 3898, 91 },  /* executor: io.argoproj.workflow.v1alpha1.ExecutorConfig */
	{ 3907, 8 },  /* executorPlugins: []io.argoproj.workflow.v1alpha1.ExecutorPlugin */
	{ 4482, 290 },  /* hooks: map[string]io.argoproj.workflow.v1alpha1.LifecycleHook */
	{ 4493, 31 },  /* hostAliases: []io.k8s.api.core.v1.HostAlias */
	{ 4512, 55 },  /* hostNetwork: boolean */
	{ 4627, 33 },  /* imagePullSecrets: []io.k8s.api.core.v1.LocalObjectReference */
	{ 15354, 118 },  /* metrics: io.argoproj.workflow.v1alpha1.Metrics */
	{ 15606, 294 },  /* nodeSelector: map[string]string */
	{ 15707, 295 },  /* onExit: string */
	{ 15792, 56 },  /* parallelism: integer */
	{ 16045, 277 },  /* podDisruptionBudget: io.k8s.api.policy.v1.PodDisruptionBudgetSpec */
	{ 16065, 137 },  /* podGC: io.argoproj.workflow.v1alpha1.PodGC */
	{ 16077, 116 },  /* podMetadata: io.argoproj.workflow.v1alpha1.Metadata */
	{ 16089, 295 },  /* podPriorityClassName: string */
	{ 16110, 252 },  /* podResources: io.k8s.api.core.v1.ResourceRequirements */
	{ 16123, 295 },  /* podSpecPatch: string */
	{ 16272, 56 },  /* priority: integer */
	{ 16676, 41 },  /* resourceClaims: []io.k8s.api.core.v1.PodResourceClaim */
	{ 16850, 143 },  /* retryStrategy: io.argoproj.workflow.v1alpha1.RetryStrategy */
	{ 16963, 295 },  /* schedulerName: string */
	{ 17206, 243 },  /* securityContext: io.k8s.api.core.v1.PodSecurityContext */
	{ 17342, 295 },  /* serviceAccountName: string */
	{ 17428, 295 },  /* shutdown: string */
	{ 17971, 55 },  /* suspend: boolean */
	{ 17979, 156 },  /* synchronization: io.argoproj.workflow.v1alpha1.Synchronization */
	{ 18169, 160 },  /* templateDefaults: io.argoproj.workflow.v1alpha1.Template */
	{ 18225, 21 },  /* templates: []io.argoproj.workflow.v1alpha1.Template */
	{ 18390, 45 },  /* tolerations: []io.k8s.api.core.v1.Toleration */
	{ 18429, 158 },  /* ttlStrategy: io.argoproj.workflow.v1alpha1.TTLStrategy */
	{ 18606, 165 },  /* volumeClaimGC: io.argoproj.workflow.v1alpha1.VolumeClaimGC */
	{ 18640, 37 },  /* volumeClaimTemplates: []io.k8s.api.core.v1.PersistentVolumeClaim */
	{ 18746, 46 },  /* volumes: []io.k8s.api.core.v1.Volume */
	{ 18836, 168 },  /* workflowMetadata: io.argoproj.workflow.v1alpha1.WorkflowMetadata */
	{ 18866, 173 },  /* workflowTemplateRef: io.argoproj.workflow.v1alpha1.WorkflowTemplateRef */
	/* 613: io.argoproj.workflow.v1alpha1.WorkflowStatus */
	{ 2452, 60 },  /* artifactGCStatus: io.argoproj.workflow.v1alpha1.ArtGCStatus */
	{ 2502, 67 },  /* artifactRepositoryRef: io.argoproj.workflow.v1alpha1.ArtifactRepositoryRefStatus */
	{ 3030, 295 },  /* compressedNodes: string */
	{ 3081, 5 },  /* conditions: []io.argoproj.workflow.v1alpha1.Condition */
	{ 3869, 56 },  /* estimatedDuration: integer */
	{ 4139, 285 },  /* finishedAt: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 15330, 295 },  /* message: string */
	{ 15637, 291 },  /* nodes: map[string]io.argoproj.workflow.v1alpha1.NodeStatus */
	{ 15682, 295 },  /* offloadNodeStatusVersion: string */
	{ 15768, 131 },  /* outputs: io.argoproj.workflow.v1alpha1.Outputs */
	{ 15929, 46 },  /* persistentVolumeClaims: []io.k8s.api.core.v1.Volume */
	{ 15952, 295 },  /* phase: string */
	{ 16320, 295 },  /* progress: string */
	{ 16747, 288 },  /* resourcesDuration: map[string]integer */
	{ 17551, 285 },  /* startedAt: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 17736, 292 },  /* storedTemplates: map[string]io.argoproj.workflow.v1alpha1.Template */
	{ 17752, 169 },  /* storedWorkflowTemplateSpec: io.argoproj.workflow.v1alpha1.WorkflowSpec */
	{ 17979, 157 },  /* synchronization: io.argoproj.workflow.v1alpha1.SynchronizationStatus */
	{ 18116, 287 },  /* taskResultsCompletionStatus: map[string]boolean */
	/* 632: io.argoproj.workflow.v1alpha1.WorkflowStep */
	{ 2422, 59 },  /* arguments: io.argoproj.workflow.v1alpha1.Arguments */
	{ 3232, 81 },  /* continueOn: io.argoproj.workflow.v1alpha1.ContinueOn */
	{ 4482, 290 },  /* hooks: map[string]io.argoproj.workflow.v1alpha1.LifecycleHook */
	{ 4693, 160 },  /* inline: io.argoproj.workflow.v1alpha1.Template */
	{ 15486, 295 },  /* name: string */
	{ 15707, 295 },  /* onExit: string */
	{ 18160, 295 },  /* template: string */
	{ 18199, 161 },  /* templateRef: io.argoproj.workflow.v1alpha1.TemplateRef */
	{ 18783, 295 },  /* when: string */
	{ 18803, 11 },  /* withItems: []io.argoproj.workflow.v1alpha1.Item */
	{ 18813, 295 },  /* withParam: string */
	{ 18823, 151 },  /* withSequence: io.argoproj.workflow.v1alpha1.Sequence */
	/* 644: io.argoproj.workflow.v1alpha1.WorkflowTemplate */
	{ 2354, 295 },  /* apiVersion: string */
	{ 14458, 295 },  /* kind: string */
	{ 15338, 283 },  /* metadata: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 17509, 169 },  /* spec: io.argoproj.workflow.v1alpha1.WorkflowSpec */
	/* 648: io.argoproj.workflow.v1alpha1.WorkflowTemplateRef */
	{ 2990, 55 },  /* clusterScope: boolean */
	{ 15486, 295 },  /* name: string */
	/* 650: io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 15825, 56 },  /* partition: integer */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 18675, 295 },  /* volumeID: string */
	/* 654: io.k8s.api.core.v1.Affinity */
	{ 15546, 223 },  /* nodeAffinity: io.k8s.api.core.v1.NodeAffinity */
	{ 15986, 236 },  /* podAffinity: io.k8s.api.core.v1.PodAffinity */
	{ 16014, 238 },  /* podAntiAffinity: io.k8s.api.core.v1.PodAntiAffinity */
	/* 657: io.k8s.api.core.v1.AppArmorProfile */
	{ 14729, 295 },  /* localhostProfile: string */
	{ 18445, 295 },  /* type: string */
	/* 659: io.k8s.api.core.v1.AzureDiskVolumeSource */
	{ 2779, 295 },  /* cachingMode: string */
	{ 3646, 295 },  /* diskName: string */
	{ 3655, 295 },  /* diskURI: string */
	{ 4258, 295 },  /* fsType: string */
	{ 14458, 295 },  /* kind: string */
	{ 16403, 55 },  /* readOnly: boolean */
	/* 665: io.k8s.api.core.v1.AzureFileVolumeSource */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17185, 295 },  /* secretName: string */
	{ 17418, 295 },  /* shareName: string */
	/* 668: io.k8s.api.core.v1.CSIVolumeSource */
	{ 3715, 295 },  /* driver: string */
	{ 4258, 295 },  /* fsType: string */
	{ 15585, 220 },  /* nodePublishSecretRef: io.k8s.api.core.v1.LocalObjectReference */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 18563, 294 },  /* volumeAttributes: map[string]string */
	/* 673: io.k8s.api.core.v1.Capabilities */
	{ 2224, 54 },  /* add: []string */
	{ 3722, 54 },  /* drop: []string */
	/* 675: io.k8s.api.core.v1.CephFSVolumeSource */
	{ 15436, 54 },  /* monitors: []string */
	{ 15850, 295 },  /* path: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17145, 295 },  /* secretFile: string */
	{ 17196, 220 },  /* secretRef: io.k8s.api.core.v1.LocalObjectReference */
	{ 18497, 295 },  /* user: string */
	/* 681: io.k8s.api.core.v1.CinderVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17196, 220 },  /* secretRef: io.k8s.api.core.v1.LocalObjectReference */
	{ 18675, 295 },  /* volumeID: string */
	/* 685: io.k8s.api.core.v1.ClusterTrustBundleProjection */
	{ 14589, 280 },  /* labelSelector: io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	{ 15850, 295 },  /* path: string */
	{ 17454, 295 },  /* signerName: string */
	/* 690: io.k8s.api.core.v1.ConfigMapEnvSource */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	/* 692: io.k8s.api.core.v1.ConfigMapKeySelector */
	{ 14410, 295 },  /* key: string */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	/* 695: io.k8s.api.core.v1.ConfigMapProjection */
	{ 14386, 32 },  /* items: []io.k8s.api.core.v1.KeyToPath */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	/* 698: io.k8s.api.core.v1.ConfigMapVolumeSource */
	{ 3483, 56 },  /* defaultMode: integer */
	{ 14386, 32 },  /* items: []io.k8s.api.core.v1.KeyToPath */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	/* 702: io.k8s.api.core.v1.Container */
	{ 2417, 54 },  /* args: []string */
	{ 3022, 54 },  /* command: []string */
	{ 3841, 29 },  /* env: []io.k8s.api.core.v1.EnvVar */
	{ 3845, 28 },  /* envFrom: []io.k8s.api.core.v1.EnvFromSource */
	{ 4605, 295 },  /* image: string */
	{ 4611, 295 },  /* imagePullPolicy: string */
	{ 14678, 218 },  /* lifecycle: io.k8s.api.core.v1.Lifecycle */
	{ 14715, 246 },  /* livenessProbe: io.k8s.api.core.v1.Probe */
	{ 15486, 295 },  /* name: string */
	{ 16167, 24 },  /* ports: []io.k8s.api.core.v1.ContainerPort */
	{ 16435, 246 },  /* readinessProbe: io.k8s.api.core.v1.Probe */
	{ 16610, 25 },  /* resizePolicy: []io.k8s.api.core.v1.ContainerResizePolicy */
	{ 16737, 252 },  /* resources: io.k8s.api.core.v1.ResourceRequirements */
	{ 16765, 295 },  /* restartPolicy: string */
	{ 16779, 26 },  /* restartPolicyRules: []io.k8s.api.core.v1.ContainerRestartRule */
	{ 17206, 260 },  /* securityContext: io.k8s.api.core.v1.SecurityContext */
	{ 17585, 246 },  /* startupProbe: io.k8s.api.core.v1.Probe */
	{ 17605, 55 },  /* stdin: boolean */
	{ 17611, 55 },  /* stdinOnce: boolean */
	{ 18272, 295 },  /* terminationMessagePath: string */
	{ 18295, 295 },  /* terminationMessagePolicy: string */
	{ 18441, 55 },  /* tty: boolean */
	{ 18661, 47 },  /* volumeDevices: []io.k8s.api.core.v1.VolumeDevice */
	{ 18695, 48 },  /* volumeMounts: []io.k8s.api.core.v1.VolumeMount */
	{ 18886, 295 },  /* workingDir: string */
	/* 727: io.k8s.api.core.v1.ContainerPort */
	{ 3194, 56 },  /* containerPort: integer */
	{ 4505, 295 },  /* hostIP: string */
	{ 4546, 56 },  /* hostPort: integer */
	{ 15486, 295 },  /* name: string */
	{ 16367, 295 },  /* protocol: string */
	/* 732: io.k8s.api.core.v1.ContainerResizePolicy */
	{ 16708, 295 },  /* resourceName: string */
	{ 16765, 295 },  /* restartPolicy: string */
	/* 734: io.k8s.api.core.v1.ContainerRestartRule */
	{ 2188, 295 },  /* action: string */
	{ 3932, 193 },  /* exitCodes: io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes */
	/* 736: io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes */
	{ 15724, 295 },  /* operator: string */
	{ 18549, 2 },  /* values: []integer */
	/* 738: io.k8s.api.core.v1.DownwardAPIProjection */
	{ 14386, 27 },  /* items: []io.k8s.api.core.v1.DownwardAPIVolumeFile */
	/* 739: io.k8s.api.core.v1.DownwardAPIVolumeFile */
	{ 4088, 227 },  /* fieldRef: io.k8s.api.core.v1.ObjectFieldSelector */
	{ 15412, 56 },  /* mode: integer */
	{ 15850, 295 },  /* path: string */
	{ 16691, 251 },  /* resourceFieldRef: io.k8s.api.core.v1.ResourceFieldSelector */
	/* 743: io.k8s.api.core.v1.DownwardAPIVolumeSource */
	{ 3483, 56 },  /* defaultMode: integer */
	{ 14386, 27 },  /* items: []io.k8s.api.core.v1.DownwardAPIVolumeFile */
	/* 745: io.k8s.api.core.v1.EmptyDirVolumeSource */
	{ 15283, 295 },  /* medium: string */
	{ 17478, 278 },  /* sizeLimit: io.k8s.apimachinery.pkg.api.resource.Quantity */
	/* 747: io.k8s.api.core.v1.EnvFromSource */
	{ 3118, 185 },  /* configMapRef: io.k8s.api.core.v1.ConfigMapEnvSource */
	{ 16265, 295 },  /* prefix: string */
	{ 17196, 256 },  /* secretRef: io.k8s.api.core.v1.SecretEnvSource */
	/* 750: io.k8s.api.core.v1.EnvVar */
	{ 15486, 295 },  /* name: string */
	{ 18533, 295 },  /* value: string */
	{ 18539, 200 },  /* valueFrom: io.k8s.api.core.v1.EnvVarSource */
	/* 753: io.k8s.api.core.v1.EnvVarSource */
	{ 3102, 186 },  /* configMapKeyRef: io.k8s.api.core.v1.ConfigMapKeySelector */
	{ 4088, 227 },  /* fieldRef: io.k8s.api.core.v1.ObjectFieldSelector */
	{ 4117, 204 },  /* fileKeyRef: io.k8s.api.core.v1.FileKeySelector */
	{ 16691, 251 },  /* resourceFieldRef: io.k8s.api.core.v1.ResourceFieldSelector */
	{ 17156, 257 },  /* secretKeyRef: io.k8s.api.core.v1.SecretKeySelector */
	/* 758: io.k8s.api.core.v1.EphemeralVolumeSource */
	{ 18620, 233 },  /* volumeClaimTemplate: io.k8s.api.core.v1.PersistentVolumeClaimTemplate */
	/* 759: io.k8s.api.core.v1.ExecAction */
	{ 3022, 54 },  /* command: []string */
	/* 760: io.k8s.api.core.v1.FCVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 14746, 56 },  /* lun: integer */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 18088, 54 },  /* targetWWNs: []string */
	{ 18897, 54 },  /* wwids: []string */
	/* 765: io.k8s.api.core.v1.FileKeySelector */
	{ 14410, 295 },  /* key: string */
	{ 15733, 55 },  /* optional: boolean */
	{ 15850, 295 },  /* path: string */
	{ 18708, 295 },  /* volumeName: string */
	/* 769: io.k8s.api.core.v1.FlexVolumeSource */
	{ 3715, 295 },  /* driver: string */
	{ 4258, 295 },  /* fsType: string */
	{ 15742, 294 },  /* options: map[string]string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17196, 220 },  /* secretRef: io.k8s.api.core.v1.LocalObjectReference */
	/* 774: io.k8s.api.core.v1.FlockerVolumeSource */
	{ 3451, 295 },  /* datasetName: string */
	{ 3463, 295 },  /* datasetUUID: string */
	/* 776: io.k8s.api.core.v1.GCEPersistentDiskVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 15825, 56 },  /* partition: integer */
	{ 15871, 295 },  /* pdName: string */
	{ 16403, 55 },  /* readOnly: boolean */
	/* 780: io.k8s.api.core.v1.GRPCAction */
	{ 16154, 56 },  /* port: integer */
	{ 17310, 295 },  /* service: string */
	/* 782: io.k8s.api.core.v1.GitRepoVolumeSource */
	{ 3618, 295 },  /* directory: string */
	{ 16535, 295 },  /* repository: string */
	{ 16864, 295 },  /* revision: string */
	/* 785: io.k8s.api.core.v1.GlusterfsVolumeSource */
	{ 3815, 295 },  /* endpoints: string */
	{ 15850, 295 },  /* path: string */
	{ 16403, 55 },  /* readOnly: boolean */
	/* 788: io.k8s.api.core.v1.HTTPGetAction */
	{ 4488, 295 },  /* host: string */
	{ 4590, 30 },  /* httpHeaders: []io.k8s.api.core.v1.HTTPHeader */
	{ 15850, 295 },  /* path: string */
	{ 16154, 286 },  /* port: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 16987, 295 },  /* scheme: string */
	/* 793: io.k8s.api.core.v1.HTTPHeader */
	{ 15486, 295 },  /* name: string */
	{ 18533, 295 },  /* value: string */
	/* 795: io.k8s.api.core.v1.HostAlias */
	{ 4567, 54 },  /* hostnames: []string */
	{ 14358, 295 },  /* ip: string */
	/* 797: io.k8s.api.core.v1.HostPathVolumeSource */
	{ 15850, 295 },  /* path: string */
	{ 18445, 295 },  /* type: string */
	/* 799: io.k8s.api.core.v1.ISCSIVolumeSource */
	{ 2845, 55 },  /* chapAuthDiscovery: boolean */
	{ 2863, 55 },  /* chapAuthSession: boolean */
	{ 4258, 295 },  /* fsType: string */
	{ 4679, 295 },  /* initiatorName: string */
	{ 14361, 295 },  /* iqn: string */
	{ 14371, 295 },  /* iscsiInterface: string */
	{ 14746, 56 },  /* lun: integer */
	{ 16159, 54 },  /* portals: []string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17196, 220 },  /* secretRef: io.k8s.api.core.v1.LocalObjectReference */
	{ 18043, 295 },  /* targetPortal: string */
	/* 810: io.k8s.api.core.v1.ImageVolumeSource */
	{ 16376, 295 },  /* pullPolicy: string */
	{ 16496, 295 },  /* reference: string */
	/* 812: io.k8s.api.core.v1.KeyToPath */
	{ 14410, 295 },  /* key: string */
	{ 15412, 56 },  /* mode: integer */
	{ 15850, 295 },  /* path: string */
	/* 815: io.k8s.api.core.v1.Lifecycle */
	{ 16188, 219 },  /* postStart: io.k8s.api.core.v1.LifecycleHandler */
	{ 16198, 219 },  /* preStop: io.k8s.api.core.v1.LifecycleHandler */
	{ 17627, 295 },  /* stopSignal: string */
	/* 818: io.k8s.api.core.v1.LifecycleHandler */
	{ 3893, 202 },  /* exec: io.k8s.api.core.v1.ExecAction */
	{ 4582, 211 },  /* httpGet: io.k8s.api.core.v1.HTTPGetAction */
	{ 17488, 262 },  /* sleep: io.k8s.api.core.v1.SleepAction */
	{ 18150, 265 },  /* tcpSocket: io.k8s.api.core.v1.TCPSocketAction */
	/* 822: io.k8s.api.core.v1.LocalObjectReference */
	{ 15486, 295 },  /* name: string */
	/* 823: io.k8s.api.core.v1.ModifyVolumeStatus */
	{ 17598, 295 },  /* status: string */
	{ 18056, 295 },  /* targetVolumeAttributesClassName: string */
	/* 825: io.k8s.api.core.v1.NFSVolumeSource */
	{ 15850, 295 },  /* path: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17275, 295 },  /* server: string */
	/* 828: io.k8s.api.core.v1.NodeAffinity */
	{ 16217, 42 },  /* preferredDuringSchedulingIgnoredDuringExecution: []io.k8s.api.core.v1.PreferredSchedulingTerm */
	{ 16563, 224 },  /* requiredDuringSchedulingIgnoredDuringExecution: io.k8s.api.core.v1.NodeSelector */
	/* 830: io.k8s.api.core.v1.NodeSelector */
	{ 15619, 35 },  /* nodeSelectorTerms: []io.k8s.api.core.v1.NodeSelectorTerm */
	/* 831: io.k8s.api.core.v1.NodeSelectorRequirement */
	{ 14410, 295 },  /* key: string */
	{ 15724, 295 },  /* operator: string */
	{ 18549, 54 },  /* values: []string */
	/* 834: io.k8s.api.core.v1.NodeSelectorTerm */
	{ 15172, 34 },  /* matchExpressions: []io.k8s.api.core.v1.NodeSelectorRequirement */
	{ 15189, 34 },  /* matchFields: []io.k8s.api.core.v1.NodeSelectorRequirement */
	/* 836: io.k8s.api.core.v1.ObjectFieldSelector */
	{ 2354, 295 },  /* apiVersion: string */
	{ 4078, 295 },  /* fieldPath: string */
	/* 838: io.k8s.api.core.v1.ObjectReference */
	{ 2354, 295 },  /* apiVersion: string */
	{ 4078, 295 },  /* fieldPath: string */
	{ 14458, 295 },  /* kind: string */
	{ 15486, 295 },  /* name: string */
	{ 15503, 295 },  /* namespace: string */
	{ 16721, 295 },  /* resourceVersion: string */
	{ 18450, 295 },  /* uid: string */
	/* 845: io.k8s.api.core.v1.PersistentVolumeClaim */
	{ 2354, 295 },  /* apiVersion: string */
	{ 14458, 295 },  /* kind: string */
	{ 15338, 283 },  /* metadata: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 17509, 231 },  /* spec: io.k8s.api.core.v1.PersistentVolumeClaimSpec */
	{ 17598, 232 },  /* status: io.k8s.api.core.v1.PersistentVolumeClaimStatus */
	/* 850: io.k8s.api.core.v1.PersistentVolumeClaimCondition */
	{ 14621, 285 },  /* lastProbeTime: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 14653, 285 },  /* lastTransitionTime: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 15330, 295 },  /* message: string */
	{ 16459, 295 },  /* reason: string */
	{ 17598, 295 },  /* status: string */
	{ 18445, 295 },  /* type: string */
	/* 856: io.k8s.api.core.v1.PersistentVolumeClaimSpec */
	{ 2159, 54 },  /* accessModes: []string */
	{ 3394, 267 },  /* dataSource: io.k8s.api.core.v1.TypedLocalObjectReference */
	{ 3405, 268 },  /* dataSourceRef: io.k8s.api.core.v1.TypedObjectReference */
	{ 16737, 273 },  /* resources: io.k8s.api.core.v1.VolumeResourceRequirements */
	{ 17236, 280 },  /* selector: io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector */
	{ 17651, 295 },  /* storageClassName: string */
	{ 18580, 295 },  /* volumeAttributesClassName: string */
	{ 18684, 295 },  /* volumeMode: string */
	{ 18708, 295 },  /* volumeName: string */
	/* 865: io.k8s.api.core.v1.PersistentVolumeClaimStatus */
	{ 2159, 54 },  /* accessModes: []string */
	{ 2263, 294 },  /* allocatedResourceStatuses: map[string]string */
	{ 2289, 293 },  /* allocatedResources: map[string]io.k8s.apimachinery.pkg.api.resource.Quantity */
	{ 2808, 293 },  /* capacity: map[string]io.k8s.apimachinery.pkg.api.resource.Quantity */
	{ 3081, 38 },  /* conditions: []io.k8s.api.core.v1.PersistentVolumeClaimCondition */
	{ 3336, 295 },  /* currentVolumeAttributesClassName: string */
	{ 15417, 221 },  /* modifyVolumeStatus: io.k8s.api.core.v1.ModifyVolumeStatus */
	{ 15952, 295 },  /* phase: string */
	/* 873: io.k8s.api.core.v1.PersistentVolumeClaimTemplate */
	{ 15338, 283 },  /* metadata: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 17509, 231 },  /* spec: io.k8s.api.core.v1.PersistentVolumeClaimSpec */
	/* 875: io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource */
	{ 2895, 295 },  /* claimName: string */
	{ 16403, 55 },  /* readOnly: boolean */
	/* 877: io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 15866, 295 },  /* pdID: string */
	/* 879: io.k8s.api.core.v1.PodAffinity */
	{ 16217, 50 },  /* preferredDuringSchedulingIgnoredDuringExecution: []io.k8s.api.core.v1.WeightedPodAffinityTerm */
	{ 16563, 39 },  /* requiredDuringSchedulingIgnoredDuringExecution: []io.k8s.api.core.v1.PodAffinityTerm */
	/* 881: io.k8s.api.core.v1.PodAffinityTerm */
	{ 14589, 280 },  /* labelSelector: io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector */
	{ 15201, 54 },  /* matchLabelKeys: []string */
	{ 15394, 54 },  /* mismatchLabelKeys: []string */
	{ 15513, 280 },  /* namespaceSelector: io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector */
	{ 15531, 54 },  /* namespaces: []string */
	{ 18402, 295 },  /* topologyKey: string */
	/* 887: io.k8s.api.core.v1.PodAntiAffinity */
	{ 16217, 50 },  /* preferredDuringSchedulingIgnoredDuringExecution: []io.k8s.api.core.v1.WeightedPodAffinityTerm */
	{ 16563, 39 },  /* requiredDuringSchedulingIgnoredDuringExecution: []io.k8s.api.core.v1.PodAffinityTerm */
	/* 889: io.k8s.api.core.v1.PodCertificateProjection */
	{ 2824, 295 },  /* certificateChainPath: string */
	{ 3311, 295 },  /* credentialBundlePath: string */
	{ 14424, 295 },  /* keyPath: string */
	{ 14442, 295 },  /* keyType: string */
	{ 15247, 56 },  /* maxExpirationSeconds: integer */
	{ 17454, 295 },  /* signerName: string */
	{ 18502, 294 },  /* userAnnotations: map[string]string */
	/* 896: io.k8s.api.core.v1.PodDNSConfig */
	{ 15491, 54 },  /* nameservers: []string */
	{ 15742, 40 },  /* options: []io.k8s.api.core.v1.PodDNSConfigOption */
	{ 17043, 54 },  /* searches: []string */
	/* 899: io.k8s.api.core.v1.PodDNSConfigOption */
	{ 15486, 295 },  /* name: string */
	{ 18533, 295 },  /* value: string */
	/* 901: io.k8s.api.core.v1.PodResourceClaim */
	{ 15486, 295 },  /* name: string */
	{ 16632, 295 },  /* resourceClaimName: string */
	{ 16650, 295 },  /* resourceClaimTemplateName: string */
	/* 904: io.k8s.api.core.v1.PodSecurityContext */
	{ 2365, 177 },  /* appArmorProfile: io.k8s.api.core.v1.AppArmorProfile */
	{ 4230, 56 },  /* fsGroup: integer */
	{ 4238, 295 },  /* fsGroupChangePolicy: string */
	{ 16886, 56 },  /* runAsGroup: integer */
	{ 16897, 55 },  /* runAsNonRoot: boolean */
	{ 16910, 56 },  /* runAsUser: integer */
	{ 17008, 295 },  /* seLinuxChangePolicy: string */
	{ 17028, 253 },  /* seLinuxOptions: io.k8s.api.core.v1.SELinuxOptions */
	{ 17052, 255 },  /* seccompProfile: io.k8s.api.core.v1.SeccompProfile */
	{ 17918, 2 },  /* supplementalGroups: []integer */
	{ 17937, 295 },  /* supplementalGroupsPolicy: string */
	{ 18017, 44 },  /* sysctls: []io.k8s.api.core.v1.Sysctl */
	{ 18788, 276 },  /* windowsOptions: io.k8s.api.core.v1.WindowsSecurityContextOptions */
	/* 917: io.k8s.api.core.v1.PortworxVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 18675, 295 },  /* volumeID: string */
	/* 920: io.k8s.api.core.v1.PreferredSchedulingTerm */
	{ 16206, 226 },  /* preference: io.k8s.api.core.v1.NodeSelectorTerm */
	{ 18776, 56 },  /* weight: integer */
	/* 922: io.k8s.api.core.v1.Probe */
	{ 3893, 202 },  /* exec: io.k8s.api.core.v1.ExecAction */
	{ 4052, 56 },  /* failureThreshold: integer */
	{ 4406, 208 },  /* grpc: io.k8s.api.core.v1.GRPCAction */
	{ 4582, 211 },  /* httpGet: io.k8s.api.core.v1.HTTPGetAction */
	{ 4659, 56 },  /* initialDelaySeconds: integer */
	{ 15893, 56 },  /* periodSeconds: integer */
	{ 17874, 56 },  /* successThreshold: integer */
	{ 18150, 265 },  /* tcpSocket: io.k8s.api.core.v1.TCPSocketAction */
	{ 18242, 56 },  /* terminationGracePeriodSeconds: integer */
	{ 18333, 56 },  /* timeoutSeconds: integer */
	/* 932: io.k8s.api.core.v1.ProjectedVolumeSource */
	{ 3483, 56 },  /* defaultMode: integer */
	{ 17501, 49 },  /* sources: []io.k8s.api.core.v1.VolumeProjection */
	/* 934: io.k8s.api.core.v1.QuobyteVolumeSource */
	{ 4400, 295 },  /* group: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 16513, 295 },  /* registry: string */
	{ 18235, 295 },  /* tenant: string */
	{ 18497, 295 },  /* user: string */
	{ 18556, 295 },  /* volume: string */
	/* 940: io.k8s.api.core.v1.RBDVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 4605, 295 },  /* image: string */
	{ 14450, 295 },  /* keyring: string */
	{ 15436, 54 },  /* monitors: []string */
	{ 16149, 295 },  /* pool: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17196, 220 },  /* secretRef: io.k8s.api.core.v1.LocalObjectReference */
	{ 18497, 295 },  /* user: string */
	/* 948: io.k8s.api.core.v1.ResourceClaim */
	{ 15486, 295 },  /* name: string */
	{ 16546, 295 },  /* request: string */
	/* 950: io.k8s.api.core.v1.ResourceFieldSelector */
	{ 3180, 295 },  /* containerName: string */
	{ 3675, 278 },  /* divisor: io.k8s.apimachinery.pkg.api.resource.Quantity */
	{ 16623, 295 },  /* resource: string */
	/* 953: io.k8s.api.core.v1.ResourceRequirements */
	{ 2905, 43 },  /* claims: []io.k8s.api.core.v1.ResourceClaim */
	{ 14708, 293 },  /* limits: map[string]io.k8s.apimachinery.pkg.api.resource.Quantity */
	{ 16554, 293 },  /* requests: map[string]io.k8s.apimachinery.pkg.api.resource.Quantity */
	/* 956: io.k8s.api.core.v1.SELinuxOptions */
	{ 14672, 295 },  /* level: string */
	{ 16873, 295 },  /* role: string */
	{ 18445, 295 },  /* type: string */
	{ 18497, 295 },  /* user: string */
	/* 960: io.k8s.api.core.v1.ScaleIOVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 4265, 295 },  /* gateway: string */
	{ 16350, 295 },  /* protectionDomain: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17196, 220 },  /* secretRef: io.k8s.api.core.v1.LocalObjectReference */
	{ 17534, 55 },  /* sslEnabled: boolean */
	{ 17668, 295 },  /* storageMode: string */
	{ 17714, 295 },  /* storagePool: string */
	{ 18025, 295 },  /* system: string */
	{ 18708, 295 },  /* volumeName: string */
	/* 970: io.k8s.api.core.v1.SeccompProfile */
	{ 14729, 295 },  /* localhostProfile: string */
	{ 18445, 295 },  /* type: string */
	/* 972: io.k8s.api.core.v1.SecretEnvSource */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	/* 974: io.k8s.api.core.v1.SecretKeySelector */
	{ 14410, 295 },  /* key: string */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	/* 977: io.k8s.api.core.v1.SecretProjection */
	{ 14386, 32 },  /* items: []io.k8s.api.core.v1.KeyToPath */
	{ 15486, 295 },  /* name: string */
	{ 15733, 55 },  /* optional: boolean */
	/* 980: io.k8s.api.core.v1.SecretVolumeSource */
	{ 3483, 56 },  /* defaultMode: integer */
	{ 14386, 32 },  /* items: []io.k8s.api.core.v1.KeyToPath */
	{ 15733, 55 },  /* optional: boolean */
	{ 17185, 295 },  /* secretName: string */
	/* 984: io.k8s.api.core.v1.SecurityContext */
	{ 2308, 55 },  /* allowPrivilegeEscalation: boolean */
	{ 2365, 177 },  /* appArmorProfile: io.k8s.api.core.v1.AppArmorProfile */
	{ 2795, 181 },  /* capabilities: io.k8s.api.core.v1.Capabilities */
	{ 16299, 55 },  /* privileged: boolean */
	{ 16310, 295 },  /* procMount: string */
	{ 16412, 55 },  /* readOnlyRootFilesystem: boolean */
	{ 16886, 56 },  /* runAsGroup: integer */
	{ 16897, 55 },  /* runAsNonRoot: boolean */
	{ 16910, 56 },  /* runAsUser: integer */
	{ 17028, 253 },  /* seLinuxOptions: io.k8s.api.core.v1.SELinuxOptions */
	{ 17052, 255 },  /* seccompProfile: io.k8s.api.core.v1.SeccompProfile */
	{ 18788, 276 },  /* windowsOptions: io.k8s.api.core.v1.WindowsSecurityContextOptions */
	/* 996: io.k8s.api.core.v1.ServiceAccountTokenProjection */
	{ 2546, 295 },  /* audience: string */
	{ 3942, 56 },  /* expirationSeconds: integer */
	{ 15850, 295 },  /* path: string */
	/* 999: io.k8s.api.core.v1.SleepAction */
	{ 17067, 56 },  /* seconds: integer */
	/* 1000: io.k8s.api.core.v1.StorageOSVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 17196, 220 },  /* secretRef: io.k8s.api.core.v1.LocalObjectReference */
	{ 18708, 295 },  /* volumeName: string */
	{ 18719, 295 },  /* volumeNamespace: string */
	/* 1005: io.k8s.api.core.v1.Sysctl */
	{ 15486, 295 },  /* name: string */
	{ 18533, 295 },  /* value: string */
	/* 1007: io.k8s.api.core.v1.TCPSocketAction */
	{ 4488, 295 },  /* host: string */
	{ 16154, 286 },  /* port: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	/* 1009: io.k8s.api.core.v1.Toleration */
	{ 3736, 295 },  /* effect: string */
	{ 14410, 295 },  /* key: string */
	{ 15724, 295 },  /* operator: string */
	{ 18372, 56 },  /* tolerationSeconds: integer */
	{ 18533, 295 },  /* value: string */
	/* 1014: io.k8s.api.core.v1.TypedLocalObjectReference */
	{ 2345, 295 },  /* apiGroup: string */
	{ 14458, 295 },  /* kind: string */
	{ 15486, 295 },  /* name: string */
	/* 1017: io.k8s.api.core.v1.TypedObjectReference */
	{ 2345, 295 },  /* apiGroup: string */
	{ 14458, 295 },  /* kind: string */
	{ 15486, 295 },  /* name: string */
	{ 15503, 295 },  /* namespace: string */
	/* 1021: io.k8s.api.core.v1.Volume */
	{ 2589, 175 },  /* awsElasticBlockStore: io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource */
	{ 2616, 178 },  /* azureDisk: io.k8s.api.core.v1.AzureDiskVolumeSource */
	{ 2626, 179 },  /* azureFile: io.k8s.api.core.v1.AzureFileVolumeSource */
	{ 2817, 182 },  /* cephfs: io.k8s.api.core.v1.CephFSVolumeSource */
	{ 2888, 183 },  /* cinder: io.k8s.api.core.v1.CinderVolumeSource */
	{ 3092, 188 },  /* configMap: io.k8s.api.core.v1.ConfigMapVolumeSource */
	{ 3332, 180 },  /* csi: io.k8s.api.core.v1.CSIVolumeSource */
	{ 3703, 196 },  /* downwardAPI: io.k8s.api.core.v1.DownwardAPIVolumeSource */
	{ 3743, 197 },  /* emptyDir: io.k8s.api.core.v1.EmptyDirVolumeSource */
	{ 3853, 201 },  /* ephemeral: io.k8s.api.core.v1.EphemeralVolumeSource */
	{ 4069, 203 },  /* fc: io.k8s.api.core.v1.FCVolumeSource */
	{ 4156, 205 },  /* flexVolume: io.k8s.api.core.v1.FlexVolumeSource */
	{ 4167, 206 },  /* flocker: io.k8s.api.core.v1.FlockerVolumeSource */
	{ 4279, 207 },  /* gcePersistentDisk: io.k8s.api.core.v1.GCEPersistentDiskVolumeSource */
	{ 4329, 209 },  /* gitRepo: io.k8s.api.core.v1.GitRepoVolumeSource */
	{ 4348, 210 },  /* glusterfs: io.k8s.api.core.v1.GlusterfsVolumeSource */
	{ 4537, 214 },  /* hostPath: io.k8s.api.core.v1.HostPathVolumeSource */
	{ 4605, 216 },  /* image: io.k8s.api.core.v1.ImageVolumeSource */
	{ 14365, 215 },  /* iscsi: io.k8s.api.core.v1.ISCSIVolumeSource */
	{ 15486, 295 },  /* name: string */
	{ 15542, 222 },  /* nfs: io.k8s.api.core.v1.NFSVolumeSource */
	{ 15907, 234 },  /* persistentVolumeClaim: io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource */
	{ 15958, 235 },  /* photonPersistentDisk: io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource */
	{ 16173, 244 },  /* portworxVolume: io.k8s.api.core.v1.PortworxVolumeSource */
	{ 16329, 247 },  /* projected: io.k8s.api.core.v1.ProjectedVolumeSource */
	{ 16387, 248 },  /* quobyte: io.k8s.api.core.v1.QuobyteVolumeSource */
	{ 16399, 249 },  /* rbd: io.k8s.api.core.v1.RBDVolumeSource */
	{ 16955, 254 },  /* scaleIO: io.k8s.api.core.v1.ScaleIOVolumeSource */
	{ 17138, 259 },  /* secret: io.k8s.api.core.v1.SecretVolumeSource */
	{ 17726, 263 },  /* storageos: io.k8s.api.core.v1.StorageOSVolumeSource */
	{ 18754, 274 },  /* vsphereVolume: io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource */
	/* 1052: io.k8s.api.core.v1.VolumeDevice */
	{ 3607, 295 },  /* devicePath: string */
	{ 15486, 295 },  /* name: string */
	/* 1054: io.k8s.api.core.v1.VolumeMount */
	{ 15445, 295 },  /* mountPath: string */
	{ 15455, 295 },  /* mountPropagation: string */
	{ 15486, 295 },  /* name: string */
	{ 16403, 55 },  /* readOnly: boolean */
	{ 16478, 295 },  /* recursiveReadOnly: string */
	{ 17815, 295 },  /* subPath: string */
	{ 17823, 295 },  /* subPathExpr: string */
	/* 1061: io.k8s.api.core.v1.VolumeProjection */
	{ 3003, 184 },  /* clusterTrustBundle: io.k8s.api.core.v1.ClusterTrustBundleProjection */
	{ 3092, 187 },  /* configMap: io.k8s.api.core.v1.ConfigMapProjection */
	{ 3703, 194 },  /* downwardAPI: io.k8s.api.core.v1.DownwardAPIProjection */
	{ 16030, 239 },  /* podCertificate: io.k8s.api.core.v1.PodCertificateProjection */
	{ 17138, 258 },  /* secret: io.k8s.api.core.v1.SecretProjection */
	{ 17361, 261 },  /* serviceAccountToken: io.k8s.api.core.v1.ServiceAccountTokenProjection */
	/* 1067: io.k8s.api.core.v1.VolumeResourceRequirements */
	{ 14708, 293 },  /* limits: map[string]io.k8s.apimachinery.pkg.api.resource.Quantity */
	{ 16554, 293 },  /* requests: map[string]io.k8s.apimachinery.pkg.api.resource.Quantity */
	/* 1069: io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource */
	{ 4258, 295 },  /* fsType: string */
	{ 17680, 295 },  /* storagePolicyID: string */
	{ 17696, 295 },  /* storagePolicyName: string */
	{ 18735, 295 },  /* volumePath: string */
	/* 1073: io.k8s.api.core.v1.WeightedPodAffinityTerm */
	{ 15998, 237 },  /* podAffinityTerm: io.k8s.api.core.v1.PodAffinityTerm */
	{ 18776, 56 },  /* weight: integer */
	/* 1075: io.k8s.api.core.v1.WindowsSecurityContextOptions */
	{ 4358, 295 },  /* gmsaCredentialSpec: string */
	{ 4377, 295 },  /* gmsaCredentialSpecName: string */
	{ 4555, 55 },  /* hostProcess: boolean */
	{ 16920, 295 },  /* runAsUserName: string */
	/* 1079: io.k8s.api.policy.v1.PodDisruptionBudgetSpec */
	{ 15268, 286 },  /* maxUnavailable: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 15362, 286 },  /* minAvailable: io.k8s.apimachinery.pkg.util.intstr.IntOrString */
	{ 17236, 280 },  /* selector: io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector */
	{ 18454, 295 },  /* unhealthyPodEvictionPolicy: string */
	/* 1083: io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector */
	{ 15172, 51 },  /* matchExpressions: []io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement */
	{ 15216, 294 },  /* matchLabels: map[string]string */
	/* 1085: io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement */
	{ 14410, 295 },  /* key: string */
	{ 15724, 295 },  /* operator: string */
	{ 18549, 54 },  /* values: []string */
	/* 1088: io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry */
	{ 2354, 295 },  /* apiVersion: string */
	{ 4097, 295 },  /* fieldsType: string */
	{ 4108, 279 },  /* fieldsV1: io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1 */
	{ 14764, 295 },  /* manager: string */
	{ 15714, 295 },  /* operation: string */
	{ 17835, 295 },  /* subresource: string */
	{ 18320, 285 },  /* time: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	/* 1095: io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta */
	{ 2333, 294 },  /* annotations: map[string]string */
	{ 3293, 285 },  /* creationTimestamp: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 3523, 56 },  /* deletionGracePeriodSeconds: integer */
	{ 3550, 285 },  /* deletionTimestamp: io.k8s.apimachinery.pkg.apis.meta.v1.Time */
	{ 4128, 54 },  /* finalizers: []string */
	{ 4301, 295 },  /* generateName: string */
	{ 4314, 56 },  /* generation: integer */
	{ 14603, 294 },  /* labels: map[string]string */
	{ 14750, 52 },  /* managedFields: []io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry */
	{ 15486, 295 },  /* name: string */
	{ 15503, 295 },  /* namespace: string */
	{ 15776, 53 },  /* ownerReferences: []io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference */
	{ 16721, 295 },  /* resourceVersion: string */
	{ 17245, 295 },  /* selfLink: string */
	{ 18450, 295 },  /* uid: string */
	/* 1110: io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference */
	{ 2354, 295 },  /* apiVersion: string */
	{ 2674, 55 },  /* blockOwnerDeletion: boolean */
	{ 3243, 55 },  /* controller: boolean */
	{ 14458, 295 },  /* kind: string */
	{ 15486, 295 },  /* name: string */
	{ 18450, 295 },  /* uid: string */
};

const struct wfc_schema_table wfc_schema_table = {
	.strings = strings,
	.types = types,
	.fields = fields,
	.ntypes = 296,
	.nfields = 1116,
};

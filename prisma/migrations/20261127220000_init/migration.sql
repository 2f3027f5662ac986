-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "VmState" AS ENUM ('PENDING', 'STOPPED', 'STARTING', 'RUNNING', 'STOPPING', 'MIGRATING', 'FAILED', 'DELETING');

-- CreateEnum
CREATE TYPE "RestartPriority" AS ENUM ('DISABLED', 'LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "AffinityKind" AS ENUM ('AFFINITY', 'ANTI_AFFINITY');

-- CreateEnum
CREATE TYPE "Enforcement" AS ENUM ('REQUIRED', 'PREFERRED');

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "HostPhase" AS ENUM ('READY', 'NOT_READY', 'DRAINING', 'MAINTENANCE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "DrsAutomationLevel" AS ENUM ('MANUAL', 'PARTIAL', 'FULL');

-- CreateEnum
CREATE TYPE "DrsRecommendationStatus" AS ENUM ('PENDING', 'APPROVED', 'APPLIED', 'REJECTED', 'FAILED');

-- CreateEnum
CREATE TYPE "RecommendationPriority" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OPERATOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('CRITICAL', 'WARNING', 'INFO');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('FIRING', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "AlertMetric" AS ENUM ('HOST_CPU_PERCENT', 'HOST_MEMORY_PERCENT', 'POOL_ALLOCATED_PERCENT', 'HOST_NOT_READY', 'VM_FAILED');

-- CreateEnum
CREATE TYPE "Comparison" AS ENUM ('GT', 'GTE', 'LT', 'LTE');

-- CreateEnum
CREATE TYPE "StoragePoolType" AS ENUM ('CEPH_RBD', 'LOCAL_LVM', 'NFS');

-- CreateEnum
CREATE TYPE "StoragePhase" AS ENUM ('CREATING', 'READY', 'DEGRADED', 'ERROR', 'DELETING');

-- CreateEnum
CREATE TYPE "Provisioning" AS ENUM ('THIN', 'THICK');

-- CreateEnum
CREATE TYPE "VolumePhase" AS ENUM ('CREATING', 'AVAILABLE', 'IN_USE', 'RESIZING', 'DELETING', 'ERROR');

-- CreateEnum
CREATE TYPE "NetworkType" AS ENUM ('VLAN', 'OVERLAY', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('INBOUND', 'OUTBOUND');

-- CreateEnum
CREATE TYPE "Protocol" AS ENUM ('TCP', 'UDP', 'ICMP', 'ANY');

-- CreateEnum
CREATE TYPE "RuleAction" AS ENUM ('ALLOW', 'DENY');

-- CreateTable
CREATE TABLE "virtual_machines" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "project_id" UUID NOT NULL,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "vcpus" INTEGER NOT NULL,
    "memory_mib" INTEGER NOT NULL,
    "image" TEXT,
    "restart_priority" "RestartPriority" NOT NULL DEFAULT 'MEDIUM',
    "host_selector" JSONB NOT NULL DEFAULT '{}',
    "desired_state" "VmState" NOT NULL DEFAULT 'RUNNING',
    "state" "VmState" NOT NULL DEFAULT 'PENDING',
    "state_reason" TEXT,
    "host_id" UUID,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "virtual_machines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vm_disks" (
    "id" UUID NOT NULL,
    "vm_id" UUID NOT NULL,
    "volume_id" UUID NOT NULL,
    "boot_index" INTEGER,
    "created_with_vm" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vm_disks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vm_nics" (
    "id" UUID NOT NULL,
    "vm_id" UUID NOT NULL,
    "network_id" UUID NOT NULL,
    "mac_address" TEXT NOT NULL,
    "ip_address" TEXT,
    "security_group_ids" TEXT[],
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vm_nics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshots" (
    "id" UUID NOT NULL,
    "vm_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "includes_memory" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "affinity_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AffinityKind" NOT NULL,
    "enforcement" "Enforcement" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "affinity_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "affinity_rule_members" (
    "rule_id" UUID NOT NULL,
    "vm_id" UUID NOT NULL,

    CONSTRAINT "affinity_rule_members_pkey" PRIMARY KEY ("rule_id","vm_id")
);

-- CreateTable
CREATE TABLE "tasks" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "state" "TaskState" NOT NULL DEFAULT 'QUEUED',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "target_type" TEXT NOT NULL,
    "target_id" TEXT NOT NULL,
    "host_id" UUID,
    "message" TEXT,
    "error_code" TEXT,
    "error_message" TEXT,
    "params" JSONB,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "resource_id" TEXT,
    "task_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope","key")
);

-- CreateTable
CREATE TABLE "hosts" (
    "id" UUID NOT NULL,
    "hostname" TEXT NOT NULL,
    "agent_address" TEXT NOT NULL,
    "agent_version" TEXT,
    "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "labels" JSONB NOT NULL DEFAULT '{}',
    "phase" "HostPhase" NOT NULL DEFAULT 'UNKNOWN',
    "schedulable" BOOLEAN NOT NULL DEFAULT true,
    "capacity_vcpus" INTEGER NOT NULL,
    "capacity_memory_mib" INTEGER NOT NULL,
    "allocatable_vcpus" INTEGER NOT NULL,
    "allocatable_memory_mib" INTEGER NOT NULL,
    "allocated_vcpus" INTEGER NOT NULL DEFAULT 0,
    "allocated_memory_mib" INTEGER NOT NULL DEFAULT 0,
    "cpu_percent" DOUBLE PRECISION,
    "memory_percent" DOUBLE PRECISION,
    "last_heartbeat_at" TIMESTAMPTZ(3),
    "cluster_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hosts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "clusters" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "ha_enabled" BOOLEAN NOT NULL DEFAULT false,
    "drs_enabled" BOOLEAN NOT NULL DEFAULT false,
    "drs_automation_level" "DrsAutomationLevel" NOT NULL DEFAULT 'PARTIAL',
    "drs_cpu_threshold" INTEGER NOT NULL DEFAULT 80,
    "drs_memory_threshold" INTEGER NOT NULL DEFAULT 85,
    "drs_last_run_at" TIMESTAMPTZ(3),
    "drs_imbalance" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clusters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drs_recommendations" (
    "id" UUID NOT NULL,
    "cluster_id" UUID NOT NULL,
    "priority" "RecommendationPriority" NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'MIGRATE',
    "reason" TEXT NOT NULL,
    "vm_id" UUID NOT NULL,
    "source_host_id" UUID NOT NULL,
    "target_host_id" UUID NOT NULL,
    "imbalance_before" DOUBLE PRECISION NOT NULL,
    "imbalance_after" DOUBLE PRECISION NOT NULL,
    "status" "DrsRecommendationStatus" NOT NULL DEFAULT 'PENDING',
    "task_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "applied_at" TIMESTAMPTZ(3),

    CONSTRAINT "drs_recommendations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_login_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refresh_tokens" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "family_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "projects" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "quota_vcpus" INTEGER,
    "quota_memory_mib" INTEGER,
    "quota_vms" INTEGER,
    "quota_storage_gib" INTEGER,
    "used_vcpus" INTEGER NOT NULL DEFAULT 0,
    "used_memory_mib" INTEGER NOT NULL DEFAULT 0,
    "used_vms" INTEGER NOT NULL DEFAULT 0,
    "used_storage_gib" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "metric" "AlertMetric" NOT NULL,
    "comparison" "Comparison" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "for_seconds" INTEGER NOT NULL DEFAULT 0,
    "severity" "Severity" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "severity" "Severity" NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT,
    "source_type" TEXT NOT NULL,
    "source_id" TEXT,
    "state" "AlertState" NOT NULL DEFAULT 'FIRING',
    "rule_id" UUID,
    "acknowledged_by" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "resource_type" TEXT,
    "resource_id" TEXT,
    "outcome" TEXT NOT NULL,
    "details" JSONB,
    "ip_address" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "system_secrets" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "system_secrets_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "storage_pools" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "StoragePoolType" NOT NULL,
    "phase" "StoragePhase" NOT NULL DEFAULT 'READY',
    "capacity_gib" INTEGER NOT NULL,
    "allocated_gib" INTEGER NOT NULL DEFAULT 0,
    "host_id" UUID,
    "config" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "storage_pools_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "volumes" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "pool_id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "size_gib" INTEGER NOT NULL,
    "provisioning" "Provisioning" NOT NULL DEFAULT 'THIN',
    "phase" "VolumePhase" NOT NULL DEFAULT 'CREATING',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "volumes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "virtual_networks" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "NetworkType" NOT NULL,
    "vlan_id" INTEGER,
    "cidr" TEXT NOT NULL,
    "gateway" TEXT,
    "dhcp_enabled" BOOLEAN NOT NULL DEFAULT true,
    "usable_addresses" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "virtual_networks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ip_allocations" (
    "id" UUID NOT NULL,
    "network_id" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "vm_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ip_allocations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security_groups" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "security_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security_rules" (
    "id" UUID NOT NULL,
    "security_group_id" UUID NOT NULL,
    "direction" "Direction" NOT NULL,
    "protocol" "Protocol" NOT NULL,
    "port_range" TEXT,
    "remote_cidr" TEXT NOT NULL,
    "action" "RuleAction" NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 100,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "security_rules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "virtual_machines_host_id_idx" ON "virtual_machines"("host_id");

-- CreateIndex
CREATE INDEX "virtual_machines_state_idx" ON "virtual_machines"("state");

-- CreateIndex
CREATE INDEX "virtual_machines_created_at_id_idx" ON "virtual_machines"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "virtual_machines_project_id_name_key" ON "virtual_machines"("project_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "vm_disks_volume_id_key" ON "vm_disks"("volume_id");

-- CreateIndex
CREATE INDEX "vm_disks_vm_id_idx" ON "vm_disks"("vm_id");

-- CreateIndex
CREATE UNIQUE INDEX "vm_nics_mac_address_key" ON "vm_nics"("mac_address");

-- CreateIndex
CREATE INDEX "vm_nics_vm_id_idx" ON "vm_nics"("vm_id");

-- CreateIndex
CREATE UNIQUE INDEX "snapshots_vm_id_name_key" ON "snapshots"("vm_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "affinity_rules_name_key" ON "affinity_rules"("name");

-- CreateIndex
CREATE INDEX "affinity_rule_members_vm_id_idx" ON "affinity_rule_members"("vm_id");

-- CreateIndex
CREATE INDEX "tasks_target_id_idx" ON "tasks"("target_id");

-- CreateIndex
CREATE INDEX "tasks_state_idx" ON "tasks"("state");

-- CreateIndex
CREATE INDEX "tasks_created_at_id_idx" ON "tasks"("created_at", "id");

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "hosts_hostname_key" ON "hosts"("hostname");

-- CreateIndex
CREATE UNIQUE INDEX "hosts_agent_address_key" ON "hosts"("agent_address");

-- CreateIndex
CREATE INDEX "hosts_phase_idx" ON "hosts"("phase");

-- CreateIndex
CREATE INDEX "hosts_cluster_id_idx" ON "hosts"("cluster_id");

-- CreateIndex
CREATE INDEX "hosts_created_at_id_idx" ON "hosts"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "clusters_name_key" ON "clusters"("name");

-- CreateIndex
CREATE INDEX "drs_recommendations_cluster_id_status_idx" ON "drs_recommendations"("cluster_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "refresh_tokens_token_hash_key" ON "refresh_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "refresh_tokens_family_id_idx" ON "refresh_tokens"("family_id");

-- CreateIndex
CREATE UNIQUE INDEX "projects_name_key" ON "projects"("name");

-- CreateIndex
CREATE UNIQUE INDEX "alert_rules_name_key" ON "alert_rules"("name");

-- CreateIndex
CREATE INDEX "alerts_state_idx" ON "alerts"("state");

-- CreateIndex
CREATE INDEX "alerts_severity_idx" ON "alerts"("severity");

-- CreateIndex
CREATE INDEX "alerts_source_id_idx" ON "alerts"("source_id");

-- CreateIndex
CREATE INDEX "alerts_created_at_idx" ON "alerts"("created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_log_actor_idx" ON "audit_log"("actor");

-- CreateIndex
CREATE INDEX "audit_log_resource_id_idx" ON "audit_log"("resource_id");

-- CreateIndex
CREATE INDEX "audit_log_action_idx" ON "audit_log"("action");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "storage_pools_name_key" ON "storage_pools"("name");

-- CreateIndex
CREATE INDEX "volumes_project_id_idx" ON "volumes"("project_id");

-- CreateIndex
CREATE INDEX "volumes_created_at_id_idx" ON "volumes"("created_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "volumes_pool_id_name_key" ON "volumes"("pool_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "virtual_networks_name_key" ON "virtual_networks"("name");

-- CreateIndex
CREATE INDEX "ip_allocations_vm_id_idx" ON "ip_allocations"("vm_id");

-- CreateIndex
CREATE UNIQUE INDEX "ip_allocations_network_id_address_key" ON "ip_allocations"("network_id", "address");

-- CreateIndex
CREATE UNIQUE INDEX "security_groups_name_key" ON "security_groups"("name");

-- CreateIndex
CREATE INDEX "security_rules_security_group_id_idx" ON "security_rules"("security_group_id");

-- AddForeignKey
ALTER TABLE "virtual_machines" ADD CONSTRAINT "virtual_machines_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "virtual_machines" ADD CONSTRAINT "virtual_machines_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vm_disks" ADD CONSTRAINT "vm_disks_vm_id_fkey" FOREIGN KEY ("vm_id") REFERENCES "virtual_machines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vm_disks" ADD CONSTRAINT "vm_disks_volume_id_fkey" FOREIGN KEY ("volume_id") REFERENCES "volumes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vm_nics" ADD CONSTRAINT "vm_nics_vm_id_fkey" FOREIGN KEY ("vm_id") REFERENCES "virtual_machines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vm_nics" ADD CONSTRAINT "vm_nics_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "virtual_networks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_vm_id_fkey" FOREIGN KEY ("vm_id") REFERENCES "virtual_machines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affinity_rule_members" ADD CONSTRAINT "affinity_rule_members_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "affinity_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "affinity_rule_members" ADD CONSTRAINT "affinity_rule_members_vm_id_fkey" FOREIGN KEY ("vm_id") REFERENCES "virtual_machines"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hosts" ADD CONSTRAINT "hosts_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drs_recommendations" ADD CONSTRAINT "drs_recommendations_cluster_id_fkey" FOREIGN KEY ("cluster_id") REFERENCES "clusters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "storage_pools" ADD CONSTRAINT "storage_pools_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volumes" ADD CONSTRAINT "volumes_pool_id_fkey" FOREIGN KEY ("pool_id") REFERENCES "storage_pools"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volumes" ADD CONSTRAINT "volumes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ip_allocations" ADD CONSTRAINT "ip_allocations_network_id_fkey" FOREIGN KEY ("network_id") REFERENCES "virtual_networks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "security_rules" ADD CONSTRAINT "security_rules_security_group_id_fkey" FOREIGN KEY ("security_group_id") REFERENCES "security_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;


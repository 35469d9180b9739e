-- CreateTable
CREATE TABLE "tenant_template" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMP(3),

    CONSTRAINT "tenant_template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_template_name_key" ON "tenant_template"("name");


-- The built-in templates (lib/tenants/templates.ts), so every mode (demo and Azure) starts with them.
INSERT INTO "tenant_template" ("id", "name", "label", "description", "content") VALUES
  (gen_random_uuid()::text, 'standard', 'Standard', 'A team''s everyday namespace: baseline Pod Security enforced (restricted warned and audited), one load balancer, moderate quota.', '{"podSecurity":{"enforce":"baseline","warn":"restricted","audit":"restricted"},"quota":{"requests.cpu":"4","requests.memory":"8Gi","limits.cpu":"8","limits.memory":"16Gi","pods":"50","services.loadbalancers":"1","persistentvolumeclaims":"10","requests.storage":"100Gi"},"containerDefaults":{"request":{"cpu":"100m","memory":"128Mi"},"limit":{"cpu":"500m","memory":"512Mi"}},"placement":null,"workloadIdentity":{"serviceAccount":"workload"},"ingressNamespace":null}'::jsonb),
  (gen_random_uuid()::text, 'restricted', 'Restricted', 'For sensitive workloads: restricted Pod Security enforced, no load balancers (traffic through the shared ingress), larger quota, on the cluster''s dedicated tenants node pool.', '{"podSecurity":{"enforce":"restricted","warn":"restricted","audit":"restricted"},"quota":{"requests.cpu":"8","requests.memory":"16Gi","limits.cpu":"16","limits.memory":"32Gi","pods":"100","services.loadbalancers":"0","persistentvolumeclaims":"20","requests.storage":"200Gi"},"containerDefaults":{"request":{"cpu":"100m","memory":"128Mi"},"limit":{"cpu":"1","memory":"1Gi"}},"placement":{"taint":{"key":"clusterdesk.io/dedicated","value":"tenants","effect":"NoSchedule"},"label":{"key":"clusterdesk.io/pool","value":"tenants"}},"workloadIdentity":{"serviceAccount":"workload"},"ingressNamespace":null}'::jsonb),
  (gen_random_uuid()::text, 'sandbox', 'Sandbox', 'For experiments: baseline Pod Security, small quota, no load balancers and little storage.', '{"podSecurity":{"enforce":"baseline","warn":"baseline","audit":"restricted"},"quota":{"requests.cpu":"1","requests.memory":"2Gi","limits.cpu":"2","limits.memory":"4Gi","pods":"10","services.loadbalancers":"0","persistentvolumeclaims":"2","requests.storage":"10Gi"},"containerDefaults":{"request":{"cpu":"50m","memory":"64Mi"},"limit":{"cpu":"250m","memory":"256Mi"}},"placement":null,"workloadIdentity":null,"ingressNamespace":null}'::jsonb);

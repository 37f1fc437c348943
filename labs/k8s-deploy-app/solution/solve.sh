#!/bin/sh
# The reference solution: the Deployment, its PodDisruptionBudget and its NetworkPolicy as manifests, applied
# together, then wait for the new revision to be rolled out.
set -eu
kubectl apply -f - <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: flow-audit
  labels:
    app: flow-audit
spec:
  replicas: 2
  selector:
    matchLabels:
      app: flow-audit
  template:
    metadata:
      labels:
        app: flow-audit
    spec:
      containers:
        - name: flow-audit
          image: assay/workbench:latest
          imagePullPolicy: Never
          command: [node, /app/server.js]
          env:
            - name: PORT
              value: "8080"
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet: {path: /readyz, port: http}
            initialDelaySeconds: 1
            periodSeconds: 2
            failureThreshold: 3
          livenessProbe:
            httpGet: {path: /healthz, port: http}
            initialDelaySeconds: 5
            periodSeconds: 10
            failureThreshold: 3
          resources:
            requests: {cpu: 50m, memory: 64Mi}
            limits: {cpu: 250m, memory: 128Mi}
          volumeMounts:
            - name: app
              mountPath: /app
              readOnly: true
      volumes:
        - name: app
          configMap:
            name: flow-audit-server
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: flow-audit
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: flow-audit
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: flow-audit
spec:
  podSelector:
    matchLabels:
      app: flow-audit
  policyTypes: [Ingress]
  ingress:
    - from:
        - podSelector:
            matchLabels:
              role: frontend
      ports:
        - protocol: TCP
          port: 8080
YAML
kubectl rollout status deployment/flow-audit --timeout=90s

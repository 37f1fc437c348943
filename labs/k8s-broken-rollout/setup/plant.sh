#!/bin/sh
# Plants the device API just after its 2.4 release: its code (a ConfigMap), revision 1 (2.3.1) as the ReplicaSet the
# Deployment controller left, the Service edge devices call, its disruption budget, and last the Deployment at
# revision 2 (2.4), which adopts revision 1 and cannot run: its image was never built for this cluster. The Service
# selects <app>-<slot>, a blue/green switch prepared for pods nobody created. Drawn per session (lab.yaml,
# parameters): the app's name ($ASSAY_P_APP: Deployment, Service, PDB, label, ConfigMap <app>-code), the port its
# container listens on ($ASSAY_P_PORT) and the slot the Service selects ($ASSAY_P_SLOT). Created in one request, in
# this order, so that revision 1's ReplicaSet is there for the Deployment to adopt.
set -eu
sed -e "s/@APP@/$ASSAY_P_APP/g" -e "s/@PORT@/$ASSAY_P_PORT/g" -e "s/@SLOT@/$ASSAY_P_SLOT/g" <<'YAML' \
  | kubectl create -f - >/dev/null
apiVersion: v1
kind: ConfigMap
metadata:
  name: @APP@-code
  labels:
    app: @APP@
data:
  server.js: |
    'use strict';
    // The API edge devices check in with (2.3.1).
    const http = require('node:http');

    const port = Number(process.env.PORT || 8080);
    const version = process.env.APP_VERSION || 'dev';
    const json = process.env.LOG_FORMAT === 'json';
    const checkIns = new Map();

    function log(message, fields = {}) {
      const line = json
        ? JSON.stringify({ time: new Date().toISOString(), msg: message, ...fields })
        : `${new Date().toISOString()} ${message} ${JSON.stringify(fields)}`;
      console.log(line);
    }

    function send(res, status, body) {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    }

    const server = http.createServer((req, res) => {
      if (req.url === '/healthz') {
        send(res, 200, { status: 'ok', version });
        return;
      }
      const checkIn = req.url.match(/^\/v1\/devices\/([A-Za-z0-9-]{1,64})\/check-in$/);
      if (checkIn && req.method === 'POST') {
        checkIns.set(checkIn[1], Date.now());
        send(res, 202, { device: checkIn[1], accepted: true });
        return;
      }
      if (req.url === '/v1/devices') {
        send(res, 200, { devices: [...checkIns.keys()], version });
        return;
      }
      send(res, 404, { error: 'not found' });
    });

    server.listen(port, () => log('device API listening', { port, version }));
    process.on('SIGTERM', () => {
      log('SIGTERM: draining');
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 5000).unref();
    });
---
# Revision 1 (2.3.1) as the Deployment controller left it: its ReplicaSet, planted before the Deployment, which
# adopts it (same selector, no owner) and, its template being 2.4, creates revision 2 next to it.
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: @APP@-5d8c7b9f64
  labels:
    app: @APP@
    pod-template-hash: 5d8c7b9f64
  annotations:
    deployment.kubernetes.io/revision: "1"
    kubernetes.io/change-cause: "@APP@ 2.3.1"
spec:
  replicas: 3
  selector:
    matchLabels:
      app: @APP@
      pod-template-hash: 5d8c7b9f64
  template:
    metadata:
      labels:
        app: @APP@
        pod-template-hash: 5d8c7b9f64
    spec:
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 10
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
      containers:
        - name: api
          image: assay/workbench:latest
          imagePullPolicy: Never
          command: ["node", "/app/server.js"]
          env:
            - name: PORT
              value: "@PORT@"
            - name: APP_VERSION
              value: "2.3.1"
          ports:
            - name: http
              containerPort: @PORT@
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 2
            failureThreshold: 2
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 5
            periodSeconds: 10
          resources:
            requests:
              cpu: 20m
              memory: 48Mi
            limits:
              cpu: 200m
              memory: 128Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: code
              mountPath: /app
              readOnly: true
      volumes:
        - name: code
          configMap:
            name: @APP@-code
---
# Part of the 2.4 change: a blue/green switch prepared for "@APP@-@SLOT@" pods that nobody created.
apiVersion: v1
kind: Service
metadata:
  name: @APP@
  labels:
    app: @APP@
spec:
  type: ClusterIP
  selector:
    app: @APP@-@SLOT@
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: @APP@
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: @APP@
---
# Revision 2 (2.4), as the release job applied it: an image that was never built for this cluster. Last in this
# file, so that revision 1's ReplicaSet is there to adopt.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: @APP@
  labels:
    app: @APP@
  annotations:
    kubernetes.io/change-cause: "@APP@ 2.4: image from the release pipeline, JSON logs"
spec:
  replicas: 3
  revisionHistoryLimit: 5
  progressDeadlineSeconds: 120
  selector:
    matchLabels:
      app: @APP@
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app: @APP@
    spec:
      automountServiceAccountToken: false
      terminationGracePeriodSeconds: 10
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
      containers:
        - name: api
          image: assay/@APP@:2.4
          imagePullPolicy: Never
          command: ["node", "/app/server.js"]
          env:
            - name: PORT
              value: "@PORT@"
            - name: APP_VERSION
              value: "2.4.0"
            - name: LOG_FORMAT
              value: json
          ports:
            - name: http
              containerPort: @PORT@
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
            periodSeconds: 2
            failureThreshold: 2
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 5
            periodSeconds: 10
          resources:
            requests:
              cpu: 20m
              memory: 48Mi
            limits:
              cpu: 200m
              memory: 128Mi
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: ["ALL"]
          volumeMounts:
            - name: code
              mountPath: /app
              readOnly: true
      volumes:
        - name: code
          configMap:
            name: @APP@-code
YAML

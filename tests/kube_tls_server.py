#!/usr/bin/env python3
"""A tiny HTTPS server shaped like the Kubernetes API, for test_kube_tls.c.

Usage: kube_tls_server.py CERT KEY CA
Prints the port it listens on (127.0.0.1) and the port of an HTTP CONNECT
proxy that sends every tunnel to that server whatever host is asked for,
then serves until killed. Client certificates signed by CA are asked for
but optional; the echo object tells what the server saw.
"""
import json
import select
import socket
import socketserver
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

API_PORT = 0


class Proxy(socketserver.BaseRequestHandler):
    def handle(self):
        head = b""
        while b"\r\n\r\n" not in head:
            data = self.request.recv(4096)
            if not data:
                return
            head += data
        if not head.startswith(b"CONNECT "):
            self.request.sendall(b"HTTP/1.1 405 Method Not Allowed\r\n\r\n")
            return
        up = socket.create_connection(("127.0.0.1", API_PORT))
        self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        socks = [self.request, up]
        while True:
            ready, _, _ = select.select(socks, [], [], 30)
            if not ready:
                break
            for s in ready:
                data = s.recv(65536)
                if not data:
                    up.close()
                    return
                (up if s is self.request else self.request).sendall(data)


def obj(name, rv):
    return {"metadata": {"name": name, "namespace": "default", "resourceVersion": rv}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def stream(self, ctype, pieces, hold=0.0):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for p in pieces:
            self.chunk(p)
            time.sleep(0.05)
        time.sleep(hold)
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def client_cn(self):
        cert = self.connection.getpeercert()
        for rdn in (cert or {}).get("subject", ()):
            for key, value in rdn:
                if key == "commonName":
                    return value
        return ""

    def do_GET(self):
        url = urlsplit(self.path)
        q = parse_qs(url.query)
        ns = "/api/v1/namespaces/default"
        if url.path == ns + "/configmaps" and q.get("watch") == ["1"]:
            if q.get("resourceVersion") == ["1"]:
                events = [
                    {"type": "MODIFIED", "object": obj("a", "2")},
                    {"type": "ADDED", "object": obj("b", "3")},
                ]
                data = [(json.dumps(e) + "\n").encode() for e in events]
                # one event cut across two chunks
                self.stream("application/json", [data[0][:10], data[0][10:], data[1]])
            else:
                self.stream("application/json", [], hold=30)
            return
        if url.path == ns + "/configmaps":
            self.send_json(200, {"kind": "ConfigMapList", "metadata": {"resourceVersion": "1"},
                                 "items": [obj("a", "1")]})
            return
        if url.path == ns + "/configmaps/echo":
            self.send_json(200, {"kind": "ConfigMap", "metadata": {"name": "echo"}, "data": {
                "authorization": self.headers.get("Authorization", ""),
                "clientCN": self.client_cn(),
                "host": self.headers.get("Host", ""),
            }})
            return
        if url.path == ns + "/pods/p/log":
            self.stream("text/plain", [b"one\n", b"two\n"])
            return
        self.send_json(404, {"kind": "Status", "status": "Failure", "code": 404,
                             "reason": "NotFound", "message": "no " + url.path})


def main():
    cert, key, ca = sys.argv[1:4]
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    ctx.load_verify_locations(ca)
    ctx.verify_mode = ssl.CERT_OPTIONAL
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    global API_PORT
    API_PORT = srv.server_address[1]
    proxy = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Proxy)
    proxy.daemon_threads = True
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    print(API_PORT, proxy.server_address[1], flush=True)
    srv.serve_forever()


if __name__ == "__main__":
    main()

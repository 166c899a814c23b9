#!/usr/bin/env python3
"""Drives a running cabatch emulator with boto3 (and the AWS CLI when installed) and checks that
the real SDK parses every answer into its own results and exception classes.

Usage: boto3_conformance.py URL [--throttled URL] [--failing URL]

URL serves the inventory that EmulatorConformanceTests builds: acme/npm-store npm types/node
1.0.0 … 1.0.249 (Published) and 2.0.0 (Unlisted); acme/pypi-store pypi requests 1.0, 2.0; and
the repository acme/locked, which the emulator denies. --throttled allows 1 write and 1 read a
second, --failing answers every request with a 500. Prints one line per check; exits 1 on a failure.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"


def import_boto3():
    try:
        import boto3  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "--user", "boto3", "botocore"])
        import site
        import importlib
        sys.path.append(site.getusersitepackages())
        importlib.invalidate_caches()
    import boto3
    import botocore
    return boto3, botocore


boto3, botocore = import_boto3()
from botocore.config import Config  # noqa: E402
from botocore.exceptions import ClientError  # noqa: E402

failures = []


def check(name, condition, detail=""):
    if condition:
        print(f"ok {name}")
    else:
        print(f"FAIL {name}: {detail}")
        failures.append(name)


def client(url, secret=SECRET_KEY, access=ACCESS_KEY):
    # No retries, so that every error reaches the test; no client-side validation, so that the
    # emulator's validation is what answers.
    config = Config(retries={"max_attempts": 1, "mode": "standard"}, parameter_validation=False)
    return boto3.client("codeartifact", endpoint_url=url, region_name=REGION, aws_access_key_id=access,
                        aws_secret_access_key=secret, config=config)


NODE = dict(domain="acme", repository="npm-store", format="npm", namespace="types", package="node")


def expect_error(name, call, exception_class, code, contains=None):
    try:
        call()
    except exception_class as error:
        message = error.response.get("Error", {}).get("Message", "")
        actual = error.response.get("Error", {}).get("Code")
        check(name, actual == code and (contains is None or contains in message),
              f"code {actual}, message {message!r}")
        return error
    except ClientError as error:
        check(name, False, f"raised ClientError {error.response.get('Error')} instead of {exception_class.__name__}")
        return None
    check(name, False, "no error raised")
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--throttled")
    parser.add_argument("--failing")
    args = parser.parse_args()

    ca = client(args.url)
    errors = ca.exceptions

    result = ca.delete_package_versions(**NODE, versions=["1.0.0", "2.0.0", "9.9.9"], expectedStatus="Published")
    ok_version = result.get("successfulVersions", {}).get("1.0.0", {})
    failed = result.get("failedVersions", {})
    check("delete parses successfulVersions", ok_version.get("status") == "Deleted" and ok_version.get("revision"),
          json.dumps(result, default=str))
    check("delete parses MISMATCHED_STATUS", failed.get("2.0.0", {}).get("errorCode") == "MISMATCHED_STATUS", failed)
    check("delete parses NOT_FOUND", failed.get("9.9.9", {}).get("errorCode") == "NOT_FOUND", failed)
    request_id = result.get("ResponseMetadata", {}).get("RequestId")
    check("x-amzn-RequestId reaches ResponseMetadata", bool(request_id), result.get("ResponseMetadata"))

    again = ca.delete_package_versions(**NODE, versions=["1.0.0"])
    check("second delete is NOT_FOUND", again.get("failedVersions", {}).get("1.0.0", {}).get("errorCode") == "NOT_FOUND", again)

    error = expect_error("101 versions is ValidationException",
                         lambda: ca.delete_package_versions(**NODE, versions=[f"v{i}" for i in range(101)]),
                         errors.ValidationException, "ValidationException", "versions")
    if error is not None:
        check("ValidationException carries reason", error.response.get("reason") == "FIELD_VALIDATION_FAILED", error.response)
    expect_error("bad domain is ValidationException",
                 lambda: ca.delete_package_versions(**dict(NODE, domain="Acme"), versions=["1"]),
                 errors.ValidationException, "ValidationException", "'domain'")
    expect_error("pypi namespace is ValidationException",
                 lambda: ca.delete_package_versions(**dict(NODE, format="pypi"), versions=["1"]),
                 errors.ValidationException, "ValidationException", "namespace")
    error = expect_error("unknown domain is ResourceNotFoundException",
                         lambda: ca.delete_package_versions(**dict(NODE, domain="nowhere"), versions=["1"]),
                         errors.ResourceNotFoundException, "ResourceNotFoundException")
    if error is not None:
        check("ResourceNotFoundException carries resourceType", error.response.get("resourceType") == "domain", error.response)
    expect_error("unknown repository is ResourceNotFoundException",
                 lambda: ca.delete_package_versions(**dict(NODE, repository="nothing"), versions=["1"]),
                 errors.ResourceNotFoundException, "ResourceNotFoundException")
    expect_error("denied repository is AccessDeniedException",
                 lambda: ca.delete_package_versions(**dict(NODE, repository="locked"), versions=["1"]),
                 errors.AccessDeniedException, "AccessDeniedException", "not authorized")

    pages = 0
    versions = []
    paginator = ca.get_paginator("list_package_versions")
    for page in paginator.paginate(**NODE, PaginationConfig={"PageSize": 100}):
        pages += 1
        versions += [summary["version"] for summary in page.get("versions", [])]
    expected = [f"1.0.{i}" for i in range(1, 250)] + ["2.0.0"]
    check("paginator walks every page", pages == 3 and versions == expected, f"{pages} pages, {len(versions)} versions")
    unlisted = ca.list_package_versions(**NODE, status="Unlisted")
    check("status filter", [v["version"] for v in unlisted.get("versions", [])] == ["2.0.0"], unlisted)

    repositories = ca.list_repositories_in_domain(domain="acme").get("repositories", [])
    check("list_repositories_in_domain lists by name",
          [r.get("name") for r in repositories] == ["locked", "npm-store", "pypi-store"], repositories)
    first = repositories[0] if repositories else {}
    check("repository summary members parse",
          first.get("domainName") == "acme" and first.get("domainOwner") == "111122223333"
          and first.get("arn", "").endswith(":repository/acme/locked") and hasattr(first.get("createdTime"), "year"), first)
    names = []
    for page in ca.get_paginator("list_repositories_in_domain").paginate(domain="acme", PaginationConfig={"PageSize": 1}):
        names += [r["name"] for r in page.get("repositories", [])]
    check("list_repositories_in_domain paginator", names == ["locked", "npm-store", "pypi-store"], names)
    expect_error("unknown domain listing is ResourceNotFoundException",
                 lambda: ca.list_repositories_in_domain(domain="nowhere"),
                 errors.ResourceNotFoundException, "ResourceNotFoundException")

    packages = ca.list_packages(domain="acme", repository="pypi-store").get("packages", [])
    check("list_packages parses summaries",
          len(packages) == 1 and packages[0].get("package") == "requests" and packages[0].get("format") == "pypi"
          and packages[0].get("originConfiguration", {}).get("restrictions", {}).get("publish") == "ALLOW", packages)
    scoped = ca.list_packages(domain="acme", repository="npm-store", namespace="ty").get("packages", [])
    check("list_packages namespace is a prefix", [p.get("package") for p in scoped] == ["node"], scoped)
    expect_error("list_packages max-results 0 is ValidationException",
                 lambda: ca.list_packages(domain="acme", repository="npm-store", maxResults=0),
                 errors.ValidationException, "ValidationException", "maxResults")

    newest = ca.list_package_versions(**NODE, sortBy="PUBLISHED_TIME", maxResults=2)
    check("sortBy PUBLISHED_TIME lists newest first",
          [v["version"] for v in newest.get("versions", [])] == ["2.0.0", "1.0.249"] and newest.get("nextToken"), newest)
    check("defaultDisplayVersion and origin parse",
          newest.get("defaultDisplayVersion") == "1.0.249"
          and newest["versions"][0].get("origin", {}).get("originType") == "INTERNAL", newest)

    described = ca.describe_package_version(**NODE, packageVersion="1.0.7").get("packageVersion", {})
    check("describe_package_version parses",
          described.get("version") == "1.0.7" and described.get("displayName") == "@types/node"
          and described.get("status") == "Published" and hasattr(described.get("publishedTime"), "year")
          and described.get("origin", {}).get("domainEntryPoint", {}).get("repositoryName") == "npm-store", described)
    error = expect_error("unknown version is ResourceNotFoundException",
                         lambda: ca.describe_package_version(**NODE, packageVersion="9.9.9"),
                         errors.ResourceNotFoundException, "ResourceNotFoundException", "9.9.9")
    if error is not None:
        check("ResourceNotFoundException names the package version", error.response.get("resourceType") == "package-version",
              error.response)

    archived = ca.update_package_versions_status(**NODE, versions=["1.0.10"], targetStatus="Archived",
                                                 expectedStatus="Published")
    check("update_package_versions_status parses",
          archived.get("successfulVersions", {}).get("1.0.10", {}).get("status") == "Archived", archived)
    mixed = ca.update_package_versions_status(**NODE, versions=["1.0.10", "1.0.12"], targetStatus="Published",
                                              expectedStatus="Archived")
    check("a mismatched version skips the rest",
          mixed.get("failedVersions", {}).get("1.0.12", {}).get("errorCode") == "MISMATCHED_STATUS"
          and mixed.get("failedVersions", {}).get("1.0.10", {}).get("errorCode") == "SKIPPED", mixed)
    expect_error("targetStatus Disposed is ValidationException",
                 lambda: ca.update_package_versions_status(**NODE, versions=["1.0.10"], targetStatus="Disposed"),
                 errors.ValidationException, "ValidationException", "targetStatus")
    disposed = ca.dispose_package_versions(**NODE, versions=["1.0.11"], expectedStatus="Published")
    check("dispose_package_versions parses",
          disposed.get("successfulVersions", {}).get("1.0.11", {}).get("status") == "Disposed", disposed)
    again = ca.dispose_package_versions(**NODE, versions=["1.0.11"])
    check("disposing a disposed version is NOT_ALLOWED",
          again.get("failedVersions", {}).get("1.0.11", {}).get("errorCode") == "NOT_ALLOWED", again)

    wrong = client(args.url, secret="not-the-secret")
    expect_error("wrong secret is refused", lambda: wrong.delete_package_versions(**NODE, versions=["1.0.5"]),
                 ClientError, "InvalidSignatureException", "signature")
    stranger = client(args.url, access="AKIDSTRANGER")
    expect_error("unknown key is refused", lambda: stranger.delete_package_versions(**NODE, versions=["1.0.5"]),
                 ClientError, "UnrecognizedClientException")
    check("refused requests deleted nothing",
          ca.delete_package_versions(**NODE, versions=["1.0.5"]).get("successfulVersions", {}).get("1.0.5") is not None)

    if args.throttled:
        throttled = client(args.throttled)
        error = None
        for attempt in range(5):
            try:
                throttled.delete_package_versions(**NODE, versions=[f"1.0.{100 + attempt}"])
            except throttled.exceptions.ThrottlingException as caught:
                error = caught
                break
        check("throttle raises ThrottlingException", error is not None, "never throttled")
        if error is not None:
            check("ThrottlingException carries retryAfterSeconds",
                  isinstance(error.response.get("retryAfterSeconds"), int) and error.response["retryAfterSeconds"] >= 1,
                  error.response)
            check("ThrottlingException is HTTP 429", error.response["ResponseMetadata"]["HTTPStatusCode"] == 429)

    if args.throttled:
        throttled = client(args.throttled)
        error = None
        for attempt in range(5):
            try:
                throttled.list_packages(domain="acme", repository="npm-store")
            except throttled.exceptions.ThrottlingException as caught:
                error = caught
                break
        check("read throttle raises ThrottlingException", error is not None, "never throttled")

    if args.failing:
        failing = client(args.failing)
        expect_error("500 raises InternalServerException",
                     lambda: failing.delete_package_versions(**NODE, versions=["1.0.7"]),
                     failing.exceptions.InternalServerException, "InternalServerException")

    aws = shutil.which("aws")
    if aws:
        env = dict(os.environ, AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY,
                   AWS_DEFAULT_REGION=REGION, AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
                   AWS_MAX_ATTEMPTS="1", AWS_PAGER="")
        env.pop("AWS_PROFILE", None)
        run = subprocess.run([aws, "codeartifact", "delete-package-versions", "--endpoint-url", args.url,
                              "--domain", "acme", "--repository", "pypi-store", "--format", "pypi",
                              "--package", "requests", "--versions", "1.0", "3.0", "--output", "json"],
                             env=env, capture_output=True, text=True, timeout=60)
        try:
            output = json.loads(run.stdout)
        except ValueError:
            output = {}
        check("aws codeartifact delete-package-versions",
              run.returncode == 0 and output.get("successfulVersions", {}).get("1.0", {}).get("status") == "Deleted"
              and output.get("failedVersions", {}).get("3.0", {}).get("errorCode") == "NOT_FOUND",
              f"exit {run.returncode}: {run.stdout} {run.stderr}")
    else:
        # scripts/setup.sh installs it: a missing AWS CLI is a broken setup, not a pass.
        check("the AWS CLI is installed (scripts/setup.sh installs awscli)", False)

    if failures:
        print(f"conformance: {len(failures)} checks failed")
        return 1
    print("conformance: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

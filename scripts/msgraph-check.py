#!/usr/bin/env python3
"""Drive documented Microsoft Graph calls through the official Python SDK against `specmark serve`.

The SDK (`msgraph-sdk` from PyPI, generated from the service's metadata) builds its own URLs and parses every
answer into its typed models, as an app under test would. Each call is reported as:

  OK           2xx, parsed into the expected model, its key fields present, answered by the page that documents it
  wrong route  answered by another page's example, or not found
  parse error  the SDK could not read the answer
  fields lost  parsed, but a key field is missing
  error        any other failure (an error status, a failed connection)

All traffic stays on 127.0.0.1: the server binds loopback and the SDK's base URL is the server's.

Usage: msgraph-check.py --specmark BIN --docs DIR [--metadata CSDL] [--json OUT] [--serve-option OPT ...]
"""

import argparse
import asyncio
import datetime
import json
import re
import subprocess
import sys
import time
import urllib.request

import httpx
from kiota_abstractions.api_error import APIError
from kiota_abstractions.authentication.anonymous_authentication_provider import AnonymousAuthenticationProvider
from kiota_abstractions.base_request_configuration import RequestConfiguration
from msgraph import GraphRequestAdapter, GraphServiceClient
from msgraph_core import GraphClientFactory

from msgraph.generated.models.body_type import BodyType
from msgraph.generated.models.email_address import EmailAddress
from msgraph.generated.models.event import Event
from msgraph.generated.models.group import Group
from msgraph.generated.models.invitation import Invitation
from msgraph.generated.models.item_body import ItemBody
from msgraph.generated.models.message import Message
from msgraph.generated.models.recipient import Recipient
from msgraph.generated.models.subscription import Subscription
from msgraph.generated.models.user import User
from msgraph.generated.users.item.send_mail.send_mail_post_request_body import SendMailPostRequestBody
from msgraph.generated.users.users_request_builder import UsersRequestBuilder
from msgraph.generated.users.item.messages.messages_request_builder import MessagesRequestBuilder

USER = "48d31887-5fad-4d73-a9f5-3c356e68a038"
GROUP = "02bd9fd6-8f93-4758-87c3-1fb73740a315"
DRIVE = "b!t18F8ybsHUq1z3LTz8xvZqP8zaSWjkFNhsME-Fepo75dTf9vQKfeRblBZjoSQrd7"
ITEM = "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K"
TEAM = "893075dd-2487-4122-925f-022c42e20265"
MESSAGE = "AAMkAGUAAAwTW09AAA="
PLAN = "xqQg5FS2LkCp935s-FIFm2QAFkHM"
TASK = "01gzSlKkIUSUl6DF_EilrmQAKDhh"
LIST = "AAMkADIyAAAAABIAAA="


def me_message():
    return Message(
        subject="Lunch on Friday?",
        body=ItemBody(content_type=BodyType.Text, content="The new cafeteria is open."),
        to_recipients=[Recipient(email_address=EmailAddress(address="fannyd@contoso.onmicrosoft.com"))],
    )


def calls(client):
    """(label, the page that documents the call, the call, the model it parses into, its key fields)."""
    users = UsersRequestBuilder.UsersRequestBuilderGetQueryParameters
    messages = MessagesRequestBuilder.MessagesRequestBuilderGetQueryParameters
    start = datetime.datetime(2026, 12, 4, 12, tzinfo=datetime.timezone.utc)
    return [
        ("GET /users", "api/user-list.md", lambda: client.users.get(), "UserCollectionResponse", ["value"]),
        ("GET /users/{id}", "api/user-get.md", lambda: client.users.by_user_id(USER).get(), "User", ["id", "display_name"]),
        ("GET /me", "api/user-get.md", lambda: client.me.get(), "User", ["id", "display_name"]),
        ("GET /users?$select", "api/user-list.md",
         lambda: client.users.get(RequestConfiguration(query_parameters=users(select=["displayName", "id"]))),
         "UserCollectionResponse", ["value"]),
        ("GET /users?$filter", "api/user-list.md",
         lambda: client.users.get(RequestConfiguration(query_parameters=users(filter="startswith(displayName,'a')"))),
         "UserCollectionResponse", ["value"]),
        ("GET /users?$top", "api/user-list.md",
         lambda: client.users.get(RequestConfiguration(query_parameters=users(top=5))),
         "UserCollectionResponse", ["value"]),
        ("PATCH /users/{id}", "api/user-update.md",
         lambda: client.users.by_user_id(USER).patch(User(business_phones=["+1 425 555 0109"], office_location="18/2111")),
         None, []),
        ("GET /me/messages", "api/user-list-messages.md", lambda: client.me.messages.get(),
         "MessageCollectionResponse", ["value"]),
        ("GET /me/messages?$top", "api/user-list-messages.md",
         lambda: client.me.messages.get(RequestConfiguration(query_parameters=messages(top=10))),
         "MessageCollectionResponse", ["value"]),
        ("GET /me/messages/{id}", "api/message-get.md", lambda: client.me.messages.by_message_id(MESSAGE).get(),
         "Message", ["id", "subject"]),
        ("POST /me/messages", "api/user-post-messages.md", lambda: client.me.messages.post(me_message()),
         "Message", ["id", "subject"]),
        ("POST /me/sendMail", "api/user-sendmail.md",
         lambda: client.me.send_mail.post(SendMailPostRequestBody(message=me_message(), save_to_sent_items=False)),
         None, []),
        ("DELETE /me/messages/{id}", "api/message-delete.md",
         lambda: client.me.messages.by_message_id(MESSAGE).delete(), None, []),
        ("GET /me/events", "api/user-list-events.md", lambda: client.me.events.get(), "EventCollectionResponse", ["value"]),
        ("POST /me/events", "api/user-post-events.md",
         lambda: client.me.events.post(Event(subject="Plan the offsite")), "Event", ["id", "subject", "start"]),
        ("GET /me/calendar", "api/calendar-get.md", lambda: client.me.calendar.get(), "Calendar", ["id", "name"]),
        ("GET /groups", "api/group-list.md", lambda: client.groups.get(), "GroupCollectionResponse", ["value"]),
        ("GET /groups/{id}", "api/group-get.md", lambda: client.groups.by_group_id(GROUP).get(), "Group",
         ["id", "display_name"]),
        ("POST /groups", "api/group-post-groups.md",
         lambda: client.groups.post(Group(display_name="Library Assist", mail_enabled=True, mail_nickname="library",
                                          security_enabled=False, group_types=["Unified"])),
         "Group", ["id", "display_name"]),
        ("GET /groups/{id}/members", "api/group-list-members.md",
         lambda: client.groups.by_group_id(GROUP).members.get(), "DirectoryObjectCollectionResponse", ["value"]),
        ("GET /me/drive", "api/drive-get.md", lambda: client.me.drive.get(), "Drive", ["id", "drive_type"]),
        ("GET /drives/{id}", "api/drive-get.md", lambda: client.drives.by_drive_id(DRIVE).get(), "Drive",
         ["id", "drive_type"]),
        ("GET /drives/{id}/items/{id}", "api/driveitem-get.md",
         lambda: client.drives.by_drive_id(DRIVE).items.by_drive_item_id(ITEM).get(), "DriveItem", ["id", "name"]),
        ("GET /drives/{id}/items/{id}/children", "api/driveitem-list-children.md",
         lambda: client.drives.by_drive_id(DRIVE).items.by_drive_item_id(ITEM).children.get(),
         "DriveItemCollectionResponse", ["value"]),
        ("GET /teams/{id}", "api/team-get.md", lambda: client.teams.by_team_id(TEAM).get(), "Team", ["id", "display_name"]),
        ("GET /teams/{id}/channels", "api/channel-list.md", lambda: client.teams.by_team_id(TEAM).channels.get(),
         "ChannelCollectionResponse", ["value"]),
        ("GET /planner/plans/{id}", "api/plannerplan-get.md",
         lambda: client.planner.plans.by_planner_plan_id(PLAN).get(), "PlannerPlan", ["id", "title"]),
        ("GET /planner/tasks/{id}", "api/plannertask-get.md",
         lambda: client.planner.tasks.by_planner_task_id(TASK).get(), "PlannerTask", ["id", "title"]),
        ("GET /me/todo/lists", "api/todo-list-lists.md", lambda: client.me.todo.lists.get(),
         "TodoTaskListCollectionResponse", ["value"]),
        ("GET /me/todo/lists/{id}/tasks", "api/todotasklist-list-tasks.md",
         lambda: client.me.todo.lists.by_todo_task_list_id(LIST).tasks.get(), "TodoTaskCollectionResponse", ["value"]),
        ("GET /security/alerts", "api/alert-list.md", lambda: client.security.alerts.get(),
         "AlertCollectionResponse", ["value"]),
        ("GET /reports/getOffice365ActiveUserDetail", "api/reportroot-getoffice365activeuserdetail.md",
         lambda: client.reports.get_office365_active_user_detail_with_period("D7").get(), "bytes", []),
        ("GET /education/classes", "api/educationclass-list.md", lambda: client.education.classes.get(),
         "EducationClassCollectionResponse", ["value"]),
        ("GET /education/me/classes", "api/educationuser-list-classes.md", lambda: client.education.me.classes.get(),
         "EducationClassCollectionResponse", ["value"]),
        ("GET /devices", "api/device-list.md", lambda: client.devices.get(), "DeviceCollectionResponse", ["value"]),
        ("GET /deviceManagement/managedDevices", "api/intune-devices-manageddevice-list.md",
         lambda: client.device_management.managed_devices.get(), "ManagedDeviceCollectionResponse", ["value"]),
        ("GET /subscriptions", "api/subscription-list.md", lambda: client.subscriptions.get(),
         "SubscriptionCollectionResponse", ["value"]),
        ("POST /subscriptions", "api/subscription-post-subscriptions.md",
         lambda: client.subscriptions.post(Subscription(
             change_type="created", notification_url="https://webhook.azurewebsites.net/api/send/myNotifyClient",
             resource="me/mailFolders('Inbox')/messages", expiration_date_time=start,
             client_state="secretClientValue")),
         "Subscription", ["id", "resource", "expiration_date_time"]),
        ("POST /invitations", "api/invitation-post.md",
         lambda: client.invitations.post(Invitation(invited_user_email_address="admin@fabrikam.com",
                                                    invite_redirect_url="https://myapp.contoso.com")),
         "Invitation", ["id", "invite_redeem_url"]),
        # Declared, never exemplified: answered only when the mock has the metadata (--metadata).
        ("GET /me/photo", "api/profilephoto-get.md", lambda: client.me.photo.get(), "ProfilePhoto", ["id", "height"]),
        ("GET /me/onenote/pages", "api/onenote-list-pages.md", lambda: client.me.onenote.pages.get(),
         "OnenotePageCollectionResponse", ["value"]),
        ("GET /me/activities", "api/projectrome-get-activities.md", lambda: client.me.activities.get(),
         "UserActivityCollectionResponse", ["value"]),
    ]


def start_server(specmark, docs, extra):
    process = subprocess.Popen([specmark, "serve", docs, "--port", "0", *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 300
    for line in process.stderr:
        match = re.search(r"serving (\d+) examples .* on (http://127\.0\.0\.1:\d+)", line)
        if match:
            return process, match.group(2), int(match.group(1))
        if time.time() > deadline:
            break
    process.kill()
    sys.exit(f"specmark serve did not start: {line.strip() if 'line' in dir() else ''}")


def example_files(base):
    """Example name -> page, from the mock's own coverage report (names can repeat across pages: the header
    the mock sets, where it sets one, says which page answered)."""
    with urllib.request.urlopen(f"{base}/__specmark/coverage") as response:
        return {entry["name"]: entry["file"] for entry in json.load(response)["examples"]}


async def run(base, files):
    seen = {}

    async def remember(response):
        seen["status"] = response.status_code
        seen["example"] = response.headers.get("x-specmark-example")
        seen["source"] = response.headers.get("x-specmark-source")
        seen["adjusted"] = response.headers.get("x-specmark-adjusted")

    http = GraphClientFactory.create_with_default_middleware(
        client=httpx.AsyncClient(event_hooks={"response": [remember]}, timeout=30))
    adapter = GraphRequestAdapter(AnonymousAuthenticationProvider(), client=http)
    adapter.base_url = f"{base}/v1.0"
    client = GraphServiceClient(request_adapter=adapter)
    results = []
    for label, page, call, model, fields in calls(client):
        seen.clear()
        outcome, detail = "OK", ""
        try:
            value = await call()
            # The page that answered: from the mock's source header, or (older mocks) by example name.
            source = seen.get("source")
            served = source.rsplit(":", 1)[0] if source else files.get(seen.get("example") or "", "")
            if served and not served.endswith("/" + page) and served != page:
                outcome, detail = "wrong route", f"answered by {served}"
            elif model == "bytes":
                if not isinstance(value, (bytes, bytearray)):
                    outcome, detail = "parse error", f"got {type(value).__name__}"
            elif model and type(value).__name__ != model:
                outcome, detail = "parse error", f"got {type(value).__name__}, not {model}"
            elif model:
                missing = [field for field in fields if getattr(value, field, None) in (None, [])]
                if missing:
                    outcome, detail = "fields lost", "missing " + ", ".join(missing)
        except APIError as error:
            status = error.response_status_code
            outcome = "wrong route" if status in (404, 405) else "error"
            detail = f"{status}: {str(error.message or error)[:160]}"
        except Exception as error:  # the SDK's own parsing failed
            outcome, detail = "parse error", f"{type(error).__name__}: {str(error)[:160]}"
        results.append({"call": label, "page": page, "status": seen.get("status"), "example": seen.get("example"),
                        "adjusted": seen.get("adjusted"), "outcome": outcome, "detail": detail})
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specmark", required=True)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--json")
    parser.add_argument("--serve-option", action="append", default=[])
    arguments = parser.parse_args()
    process, base, examples = start_server(arguments.specmark, arguments.docs, arguments.serve_option)
    try:
        results = asyncio.run(run(base, example_files(base)))
    finally:
        process.terminate()
        process.wait(timeout=10)
    width = max(len(result["call"]) for result in results)
    print(f"msgraph-sdk against specmark serve ({examples} examples) on {base}")
    for result in results:
        print(f"{result['call']:<{width}}  {result['status'] or '-':>3}  {result['outcome']:<11}  {result['detail']}")
    counts = {}
    for result in results:
        counts[result["outcome"]] = counts.get(result["outcome"], 0) + 1
    summary = ", ".join(f"{counts.get(name, 0)} {name}" for name in
                        ["OK", "wrong route", "parse error", "fields lost", "error"])
    print(f"{len(results)} calls: {summary}")
    if arguments.json:
        with open(arguments.json, "w") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()

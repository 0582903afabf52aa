"""The file email backend, which stalls the first message it is given when STALL_DIR is set: it
writes STALL_DIR/sending-<pid> and sleeps, so that a test can kill the process in the middle of
sending. Only one message in all processes stalls (an exclusively created marker decides)."""

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend

STALL_SECONDS = 120


class StallingFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        folder = os.environ.get("STALL_DIR")
        if folder and email_messages:
            try:
                marker = os.open(Path(folder) / "stalled-once", os.O_CREAT | os.O_EXCL)
            except FileExistsError:
                pass
            else:
                os.close(marker)
                (Path(folder) / f"sending-{os.getpid()}").write_text(email_messages[0].to[0])
                time.sleep(STALL_SECONDS)
        return super().send_messages(email_messages)

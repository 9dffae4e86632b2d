import io
import shutil
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from apps.people.models import Author
from apps.taxonomy.models import Topic
from tests.seeds import read_seed, seed_files, seed_page

pytestmark = pytest.mark.django_db

CONTENT = Path(settings.BASE_DIR) / "content"


def run(path=None):
    out = io.StringIO()
    args = ["load_seed_content"] + (["--path", str(path)] if path else [])
    call_command(*args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        sorted(Page.objects.values_list("pk", "title_he", "title_fa", "title_fi", "live")),
        Topic.objects.count(),
        Author.objects.count(),
    )


@pytest.fixture
def content_copy(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_second_run_changes_nothing_and_says_so():
    before = snapshot()
    output = run()
    assert "Nothing to change" in output
    assert "created" not in output.split("Applying")[1].replace("Nothing to change", "")
    assert snapshot() == before


def test_progress_names_every_item():
    output = run()
    assert "[1/" in output
    for path in seed_files():
        assert read_seed(path)["language"] + " /" in output


def test_changed_file_updates_only_that_page(content_copy):
    target = next((content_copy / "pages").glob("002-*.yaml"))
    edit(target, lambda d: d.update(title="לקוחות – אוהבים או אויבים? (מעודכן)"))
    output = run(content_copy)
    assert "1 updated" in output
    page = seed_page(read_seed(target))
    assert page.title_he == "לקוחות – אוהבים או אויבים? (מעודכן)"
    assert "Nothing to change" in run(content_copy)


@pytest.mark.parametrize(
    ("filename", "change", "where"),
    [
        ("003-", lambda d: d.update(language="xx"), "language"),
        ("000-", lambda d: d["body"][1].update(paragraph=""), "body[1].paragraph"),
        ("004-", lambda d: d.update(author="nobody"), "author"),
        ("001-", lambda d: d.pop("title"), "title"),
        ("002-", lambda d: d["body"].append({"video": "x"}), "body[12]"),
    ],
)
def test_invalid_file_is_rejected_with_file_and_field_and_nothing_changes(
    content_copy, filename, change, where
):
    # A valid change in another file proves that nothing at all is applied.
    other = next(
        p for p in (content_copy / "pages").glob("*.yaml") if not p.name.startswith(filename)
    )
    edit(other, lambda d: d.update(title=d["title"] + " !!!"))
    broken = next((content_copy / "pages").glob(f"{filename}*.yaml"))
    edit(broken, change)
    if where == "body[12]":
        where = f"body[{len(yaml.safe_load(broken.read_text(encoding='utf-8'))['body']) - 1}]"
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run(content_copy)

    message = str(error.value)
    assert broken.name in message
    assert where in message
    assert "Nothing was changed" in message
    assert snapshot() == before


def test_error_found_while_writing_rolls_everything_back(content_copy):
    """A slug that only Wagtail's validation rejects fails mid-load; earlier pages are undone."""
    first = next((content_copy / "pages").glob("000-*.yaml"))
    last = next((content_copy / "pages").glob("004-*.yaml"))
    edit(first, lambda d: d.update(title="כותרת חדשה"))
    edit(last, lambda d: d.update(slug="bad!slug"))
    before = snapshot()

    with pytest.raises(CommandError) as error:
        run(content_copy)

    assert last.name in str(error.value)
    assert "slug" in str(error.value)
    assert snapshot() == before


def test_yaml_syntax_error_names_the_line(content_copy):
    broken = content_copy / "topics.yaml"
    broken.write_text("coaching:\n  name: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        run(content_copy)
    assert "topics.yaml" in str(error.value)
    assert "line" in str(error.value)


def test_loader_never_reads_the_shared_seeds_folder():
    for path in (Path(settings.BASE_DIR) / "apps").rglob("*.py"):
        assert "shared/seeds" not in path.read_text(encoding="utf-8"), path


def test_blocks_are_checked_by_their_own_definitions(content_copy, settings, tmp_path):
    """The loader knows blocks only through apps/blocks: the image block, which no seeding code
    names, loads; a block BodyBlock does not define, or a field its block does not, is refused
    with the file, the place and the name."""
    settings.MEDIA_ROOT = tmp_path / "media"
    picture = io.BytesIO()
    PILImage.new("RGB", (8, 8), "white").save(picture, "PNG")
    image = get_image_model().objects.create(title="seed", file=ImageFile(picture, name="s.png"))
    target = next((content_copy / "pages").glob("002-*.yaml"))
    edit(target, lambda d: d["body"].append({"image": {"image": image.pk, "alt_text": "Tea"}}))

    assert "1 updated" in run(content_copy)
    page = seed_page(read_seed(target))
    (block,) = [block for block in page.body_he if block.block_type == "image"]
    assert block.value["image"] == image
    assert block.value["alt_text"] == "Tea"

    for wrong, named in [({"video": "x"}, "'video'"), ({"quote": {"txt": "x"}}, "quote.txt")]:
        edit(target, lambda d, wrong=wrong: d["body"].append(wrong))
        with pytest.raises(CommandError) as error:
            run(content_copy)
        assert target.name in str(error.value)
        assert named in str(error.value)
        edit(target, lambda d: d["body"].pop())
    edit(target, lambda d: d["body"].append({"heading": "x" * 201}))
    with pytest.raises(CommandError) as error:
        run(content_copy)
    assert "heading.text: Ensure this value has at most 200 characters" in str(error.value)

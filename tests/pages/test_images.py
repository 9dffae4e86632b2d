"""Images in the body: responsive WebP renditions, and alternative text that is required unless
the editor marks the image decorative (the image's upload description is the default)."""

import html
import io
import json
import re

import pytest
from django.core.files.images import ImageFile
from django.utils.translation import gettext, override
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from apps.blog.models import BlogIndexPage, BlogPostPage

pytestmark = pytest.mark.django_db

DESCRIPTION = "לקוחה מחייכת ליד הקופה"
REFUSAL = (
    "Describe the image for readers who cannot see it (here or in the image's description), "
    "or mark it as decorative."
)


@pytest.fixture
def image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (2000, 1200), (40, 120, 90)).save(buffer, "PNG")
    made = Image.objects.create(
        title="kassa",
        description=DESCRIPTION,
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="kassa.png"),
    )
    yield made
    made.delete()


def _block(image, alt="", decorative=False):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": alt, "decorative": decorative, "caption": ""},
    }


def _img_tags(text):
    return re.findall(r"<img [^>]*>", text)


def test_images_render_responsive_with_their_alternative_text(client, image):
    blog = BlogIndexPage.objects.get()
    post = BlogPostPage(
        title_he="תמונות בפוסט",
        slug_he="תמונות-בפוסט",
        body_he=[
            _block(image),  # the upload description stands in
            _block(image, alt="קופה עם תור ארוך"),  # the block's own text overrides it
            _block(image, alt="לא ייקרא", decorative=True),  # decorative: alt=""
        ],
    )
    with override("he"):
        blog.add_child(instance=post)
        post.save_revision().publish()
        url = post.get_url()

    text = client.get(url).content.decode()
    images = [tag for tag in _img_tags(text) if "kassa" in tag]

    assert len(images) == 3, images
    alts = [html.unescape(re.search(r'alt="([^"]*)"', tag).group(1)) for tag in images]
    assert alts == [DESCRIPTION, "קופה עם תור ארוך", ""]
    for tag in images:
        srcset = re.search(r'srcset="([^"]*)"', tag).group(1)
        widths = re.findall(r"\s(\d+)w", srcset)
        assert widths == ["480", "800", "1200", "1600"], srcset
        assert srcset.count(".webp") == 4, srcset
        assert 'sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)"' in tag
        assert 'loading="lazy"' in tag


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_publishing_an_image_without_alternative_text_is_refused(client, django_user_model, lang):
    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 200)).save(buffer, "PNG")
    bare = Image.objects.create(
        title="nimeton", file=ImageFile(io.BytesIO(buffer.getvalue()), name="nimeton.png")
    )
    editor = django_user_model.objects.create_superuser(f"kuvat-{lang}", "", "pw")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = lang
    profile.save()
    client.force_login(editor)
    blog = BlogIndexPage.objects.get()
    image_value = {"image": bare.pk, "alt_text": "", "caption": ""}
    data = nested_form_data(
        {
            "title_fi": "Kuva ilman kuvausta",
            "slug_fi": "kuva-ilman-kuvausta",
            "body_fi": streamfield([("paragraph", rich_text("Teksti.")), ("image", image_value)]),
            "body_he": streamfield([]),
            "body_fa": streamfield([]),
            "related_links": inline_formset([]),
            "comment_policy": "open",
            "action-publish": "publish",
        }
    )

    response = client.post(f"/admin/pages/add/blog/blogpostpage/{blog.pk}/", data)

    assert response.status_code == 200  # the form again, with the block's error
    with override(lang):
        message = gettext(REFUSAL)
    assert message != REFUSAL, f"no {lang} translation"
    # Wagtail draws StreamField errors from the JSON it embeds in the page.
    assert json.dumps(message)[1:-1] in html.unescape(response.content.decode())
    assert not BlogPostPage.objects.filter(slug_fi="kuva-ilman-kuvausta").exists()
    bare.delete()

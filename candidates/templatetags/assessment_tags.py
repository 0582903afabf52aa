"""The consultant's assessment on a page: `{% assessment_for application as assessment %}` gives
every current requirement of the vacancy with its score, the average, summary and recommendation
(candidates.selectors.assessment.AssessmentView). It reads what the page prefetched
(ASSESSMENT_PREFETCH), else it queries."""

from django import template

from candidates.selectors.assessment import assessment_view

register = template.Library()


@register.simple_tag
def assessment_for(application):
    return assessment_view(application)

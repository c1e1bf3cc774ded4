/** @odoo-module **/
// Copyright 2026 The hr_relationship authors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import { registry } from "@web/core/registry";

function pick(question, value) {
    return {
        content: `${question}: ${value}`,
        trigger: `div.js_question-wrapper:contains("${question}") label[for$="_${value}"]`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("hr_satisfaction_survey_tour", {
    steps: () => [
        {
            content: "Start the internal client value survey",
            trigger: 'button.btn:contains("Start")',
            run: "click",
        },
        pick("Overall, how satisfied are you with HR?", 4),
        pick("How likely are you to recommend HR to a colleague?", 9),
        {
            content: "Next page: HR services",
            trigger: 'button[value="next"]',
            run: "click",
        },
        pick("How important is recruitment and selection to you?", 5),
        pick("How well does HR perform in recruitment and selection?", 2),
        {
            content: "Next page: suggestions",
            trigger: 'button[value="next"]',
            run: "click",
        },
        {
            content: "What HR should keep",
            trigger: 'div.js_question-wrapper:contains("What should HR keep doing?") textarea',
            run: "edit The quick answers",
        },
        {
            content: "Submit",
            trigger: 'button[value="finish"]',
            run: "click",
        },
        {
            // Since 19.0 the survey asks to confirm the submission.
            content: "Confirm the submission",
            trigger: '.modal-footer button.btn-primary:contains("Submit")',
            run: "click",
        },
        {
            content: "Thanked",
            trigger: ':contains("Thank you for helping HR serve you better")',
        },
    ],
});

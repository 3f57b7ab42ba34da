# Breach alerts, /watch history lines, advice and what the law asks of an operator (bot/breaches/render.py, advice.py).
-law-citation = КоАП РФ ст. 13.11 ч. 12-14

alert_title = 🔓 <b>Data breach: { $service }</b>
alert_title_history = 📁 <b>Known breach: { $service }</b>
alert_breach_date = Breach date
alert_freshest = Newest record
alert_reported = Reported
alert_added_hibp = Added to HIBP
alert_records = Records
alert_unique_emails = unique e-mail addresses
alert_classes = Exposed data
alert_passwords = Password storage
alert_source = Source
alert_todo = What to do now
alert_todo_history = What to do if you haven't yet
alert_operator = What the operator must do (Russian law)
alert_disclaimer = For information, not legal advice.
alert_more = and { $n } more
history_records = { $n ->
        [one] { $count } record
       *[other] { $count } records
    }
# The CC BY 4.0 credit; $source is the linked name "Have I Been Pwned"
hibp_credit = Source: { $source } (haveibeenpwned.com), CC BY 4.0

## Why the parser was unsure about a channel post (shown to admins above a draft)
unsure_weak_evidence = Not sure: the victim is clear, but the post gives no count and no list of leaked data.
unsure_statement = Not sure: this looks like a company's statement about a known leak.
unsure_two_victims = Not sure: the leak is clear, but the post names two possible victims.
unsure_ner_victim = Not sure: the leak is clear, but only the name recogniser found the victim; check the name.
unsure_other = Not sure.

## How passwords were stored ($how: the algorithm as the feed gives it, "SHA1")
storage_plaintext = plain text
storage_hashed = hashed (algorithm unknown)
storage_encrypted = encrypted (reversible)
storage_unsalted = { $how } unsalted
storage_salted = { $how } salted
storage_other = { $how }

## What to do now
advice_password = Change your { $name } password and the same password everywhere you reused it; turn on two-factor authentication.
advice_password_public = The passwords were stored { $how }: treat them as public.
advice_password_weak = The passwords were stored as weak hashes ({ $how }): treat them as public, such hashes are easy to crack.
advice_email = Expect phishing e-mails that mention { $name }: don't follow their links, open the site yourself.
advice_phone = Expect scam calls and texts from "security" or "support" teams. Watch for SIM swap: ask your mobile operator to block SIM replacement unless you come in person.
advice_identity = Watch for loans taken out in your name: check your credit history with the credit bureaus (in Russia the list of your bureaus is on Gosuslugi; in India, CIBIL and others) and the logins and notices on your government services account.
advice_card = Have your bank card reissued and check recent statements.
advice_partial_card = Only parts of card numbers leaked: no need to reissue, but don't trust callers who quote your card's last digits.
advice_personal = Addresses and dates of birth are used for social engineering: a caller who knows them is not proven to be your bank, courier or a government office.
advice_health = Health data cannot be changed: be wary of calls "from the clinic" or insurer, and of blackmail.
advice_security_questions = Change security questions and answers wherever you used the same ones.
advice_generic = Be careful with e-mails, messages and calls that refer to { $name }.

## What 152-FZ and KoAP ask of a Russian operator
duty_notify_before = The duty to notify Roskomnadzor within 24 hours and report investigation results within 72 hours (152-FZ art. 21(3.1)) exists since 1 September 2022, after this leak.
duty_notify = Under 152-FZ art. 21(3.1) the operator must notify Roskomnadzor within 24 hours of detecting the leak and report the results of its internal investigation within 72 hours.
duty_span_over = over { $lower }
duty_span_between = { $lower } to { $upper }
# $basis: emails | records
duty_fine_tier = Fine for a legal entity: RUB { $low }–{ $high } million, part { $part }: a leak of data of { $span } people (estimated from { $subjects } { $basis ->
        [emails] unique e-mails
       *[records] records
    }). { -law-citation }.
duty_below_tiers = Fewer than 1,000 people: the leak fines ({ -law-citation }) start at 1,000.
duty_fine_unknown_size = The fine for a legal entity depends on the number of people: RUB 3–5 million (from 1,000), 5–10 million (from 10,000), 10–15 million (over 100,000). { -law-citation }.
duty_before_fines = The leak predates 30 May 2025, when these fines (420-FZ) took effect; under KoAP art. 1.7 the law in force at the time applies, so they most likely do not apply to it.

## HIBP data classes (bot/breaches/advice.py DATA_CLASS_KEYS). Russian after Mozilla Monitor's data-classes.ftl,
## shortened where Telegram space matters.
dc_names = Names
dc_email_addresses = Email addresses
dc_passwords = Passwords
dc_phone_numbers = Phone numbers
dc_passport_numbers = Passport numbers
dc_physical_addresses = Physical addresses
dc_dates_of_birth = Dates of birth
dc_usernames = Usernames
dc_ip_addresses = IP addresses
dc_genders = Genders
dc_geographic_locations = Geographic locations
dc_social_security_numbers = Social security numbers
dc_government_issued_ids = Government issued IDs
dc_driver_s_licenses = Driver's licenses
dc_credit_cards = Credit cards
dc_partial_credit_card_data = Partial credit card data
dc_credit_card_cvv = Credit card CVV
dc_bank_account_numbers = Bank account numbers
dc_purchases = Purchases
dc_personal_health_data = Personal health data
dc_health_insurance_information = Health insurance information
dc_employers = Employers
dc_job_titles = Job titles
dc_social_media_profiles = Social media profiles
dc_security_questions_and_answers = Security questions and answers
dc_auth_tokens = Auth tokens
dc_vehicle_details = Vehicle details
dc_website_activity = Website activity
dc_private_messages = Private messages
dc_password_hints = Password hints
dc_biometric_data = Biometric data
dc_payment_histories = Payment histories
dc_device_information = Device information
dc_photos = Photos
dc_profile_photos = Profile photos
dc_spoken_languages = Spoken languages
dc_time_zones = Time zones
dc_nationalities = Nationalities
dc_marital_statuses = Marital statuses
dc_salutations = Salutations
dc_employment_statuses = Employment statuses
dc_education_levels = Education levels
dc_income_levels = Income levels

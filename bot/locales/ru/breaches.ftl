# Breach alerts, /watch history lines, advice and what the law asks of an operator (bot/breaches/render.py, advice.py).
-law-citation = КоАП РФ ст. 13.11 ч. 12-14

alert_title = 🔓 <b>Утечка данных: { $service }</b>
alert_title_history = 📁 <b>Известная утечка: { $service }</b>
alert_breach_date = Дата утечки
alert_freshest = Самая свежая запись
alert_reported = Сообщено
alert_added_hibp = Добавлено в HIBP
alert_records = Записей
alert_unique_emails = уникальных адресов эл. почты
alert_classes = Что утекло
alert_passwords = Хранение паролей
alert_source = Источник
alert_todo = Что делать сейчас
alert_todo_history = Что сделать, если ещё не сделали
alert_operator = Что обязан сделать оператор
alert_disclaimer = Справка, не юридическая консультация.
alert_more = и ещё { $n }
history_records = { $n ->
        [one] { $count } запись
        [few] { $count } записи
       *[many] { $count } записей
    }
# The CC BY 4.0 credit; $source is the linked name "Have I Been Pwned"
hibp_credit = Источник: { $source } (haveibeenpwned.com), CC BY 4.0

## Why the parser was unsure about a channel post (shown to admins above a draft)
unsure_weak_evidence = Не уверен: жертва ясна, но в посте нет ни числа записей, ни перечня утёкших данных.
unsure_statement = Не уверен: похоже на заявление компании об уже известной утечке.
unsure_two_victims = Не уверен: утечка описана, но пострадавших сервисов в посте два.
unsure_ner_victim = Не уверен: утечка описана, но пострадавшего назвал только распознаватель имён, проверьте название.
unsure_other = Не уверен.

## How passwords were stored ($how: the algorithm as the feed gives it, "SHA1")
storage_plaintext = в открытом виде
storage_hashed = хеш (алгоритм не указан)
storage_encrypted = зашифрованы обратимо
storage_unsalted = { $how } без соли
storage_salted = { $how } с солью
storage_other = { $how }

## What to do now
advice_password = Смените пароль от «{ $name }» и везде, где стоял такой же; включите двухфакторную аутентификацию.
advice_password_public = Пароли хранились { $how }: считайте их опубликованными.
advice_password_weak = Пароли хранились как слабый хеш ({ $how }): считайте их опубликованными, такие хеши легко подобрать.
advice_email = Ждите фишинговых писем, которые упоминают «{ $name }»: не переходите по ссылкам из них, заходите на сайт сами.
advice_phone = Ждите звонков и SMS от «службы безопасности» или «поддержки». Следите за подменой SIM-карты: попросите оператора запретить замену SIM без вашего личного визита.
advice_identity = Следите, не оформят ли на вас кредит: проверьте кредитную историю в БКИ (список ваших бюро есть на Госуслугах, отчёт бесплатен дважды в год), входы и уведомления на Госуслугах; можно поставить самозапрет на кредиты.
advice_card = Перевыпустите банковскую карту и проверьте выписки за последние месяцы.
advice_partial_card = Утекли только части номеров карт: перевыпуск не обязателен, но не верьте звонящим, которые называют последние цифры вашей карты.
advice_personal = Адрес и дату рождения используют, чтобы звучать убедительно: знание ваших данных не доказывает, что звонит банк, курьер или госорган.
advice_health = Медицинские данные не сменить: осторожнее со звонками «из клиники» или «страховой» и с шантажом.
advice_security_questions = Смените контрольные вопросы и ответы там, где использовали такие же.
advice_generic = Будьте осторожны с письмами, сообщениями и звонками, которые ссылаются на «{ $name }».

## What 152-FZ and KoAP ask of a Russian operator
duty_notify_before = Обязанность уведомлять Роскомнадзор об утечке в течение 24 часов и сообщать итоги расследования в течение 72 часов (ч. 3.1 ст. 21 152-ФЗ) действует с 1 сентября 2022 года, то есть появилась позже этой утечки.
duty_notify = По ч. 3.1 ст. 21 152-ФЗ оператор должен уведомить Роскомнадзор в течение 24 часов после обнаружения утечки, а в течение 72 часов — сообщить результаты внутреннего расследования.
duty_span_over = более { $lower }
duty_span_between = от { $lower } до { $upper }
# $basis: emails | records
duty_fine_tier = Штраф для юрлица — { $low }–{ $high } млн ₽: ч. { $part } — утечка данных { $span } субъектов (оценка по числу { $basis ->
        [emails] уникальных адресов
       *[records] записей
    }: { $subjects }). { -law-citation }.
duty_below_tiers = Меньше 1 000 субъектов: повышенные штрафы за утечку ({ -law-citation }) начинаются с 1 000.
duty_fine_unknown_size = Штраф для юрлица зависит от числа субъектов: 3–5 млн ₽ (от 1 000), 5–10 млн ₽ (от 10 000), 10–15 млн ₽ (более 100 000). { -law-citation }.
duty_before_fines = Утечка произошла до 30.05.2025, когда вступили в силу эти штрафы (420-ФЗ); по ст. 1.7 КоАП применяется закон, действовавший во время нарушения, поэтому к ней они, скорее всего, не применимы.

## HIBP data classes (bot/breaches/advice.py DATA_CLASS_KEYS). Russian after Mozilla Monitor's data-classes.ftl,
## shortened where Telegram space matters.
dc_names = Имена
dc_email_addresses = Адреса эл. почты
dc_passwords = Пароли
dc_phone_numbers = Телефонные номера
dc_passport_numbers = Номера паспортов
dc_physical_addresses = Физические адреса
dc_dates_of_birth = Даты рождения
dc_usernames = Логины
dc_ip_addresses = IP-адреса
dc_genders = Пол
dc_geographic_locations = Географические местоположения
dc_social_security_numbers = Номера социального страхования (СНИЛС)
dc_government_issued_ids = Удостоверения и госидентификаторы (ИНН и др.)
dc_driver_s_licenses = Водительские удостоверения
dc_credit_cards = Банковские карты
dc_partial_credit_card_data = Частичные данные банковских карт
dc_credit_card_cvv = CVV-коды банковских карт
dc_bank_account_numbers = Номера банковских счетов
dc_purchases = Покупки
dc_personal_health_data = Персональные данные о здоровье
dc_health_insurance_information = Информация о медицинском страховании
dc_employers = Работодатели
dc_job_titles = Названия должностей
dc_social_media_profiles = Профили социальных сетей
dc_security_questions_and_answers = Вопросы для восстановления паролей и ответы на них
dc_auth_tokens = Авторизационные токены
dc_vehicle_details = Информация о транспортных средствах
dc_website_activity = Активность на веб-сайтах
dc_private_messages = Личные сообщения
dc_password_hints = Подсказки для паролей
dc_biometric_data = Биометрические данные
dc_payment_histories = Истории платежей
dc_device_information = Информация об устройствах
dc_photos = Фотографии
dc_profile_photos = Фотографии профилей
dc_spoken_languages = Языки общения
dc_time_zones = Часовые пояса
dc_nationalities = Национальности
dc_marital_statuses = Семейные положения
dc_salutations = Обращения
dc_employment_statuses = Статусы занятости
dc_education_levels = Уровни образования
dc_income_levels = Уровни доходов

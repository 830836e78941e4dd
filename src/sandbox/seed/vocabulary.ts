// Word lists for a believable demo account: Russian and international people and companies, as
// amoCRM's users have both. Plain data; the seed combines it with the PRNG.

export const RU_MALE_FIRST = [
  'Александр', 'Алексей', 'Андрей', 'Антон', 'Артём', 'Борис', 'Вадим', 'Василий', 'Виктор', 'Владимир',
  'Георгий', 'Григорий', 'Денис', 'Дмитрий', 'Евгений', 'Егор', 'Иван', 'Игорь', 'Илья', 'Кирилл',
  'Константин', 'Максим', 'Михаил', 'Никита', 'Николай', 'Олег', 'Павел', 'Пётр', 'Роман', 'Руслан',
  'Сергей', 'Станислав', 'Степан', 'Тимур', 'Фёдор', 'Юрий', 'Ярослав',
] as const;

export const RU_FEMALE_FIRST = [
  'Алина', 'Алла', 'Анастасия', 'Анна', 'Валентина', 'Валерия', 'Вера', 'Виктория', 'Галина', 'Дарья',
  'Евгения', 'Екатерина', 'Елена', 'Елизавета', 'Жанна', 'Зоя', 'Инна', 'Ирина', 'Карина', 'Ксения',
  'Лариса', 'Людмила', 'Маргарита', 'Марина', 'Мария', 'Надежда', 'Наталья', 'Нина', 'Оксана', 'Ольга',
  'Полина', 'Светлана', 'Софья', 'Татьяна', 'Ульяна', 'Юлия',
] as const;

/** Masculine forms; `feminine()` derives the rest. */
export const RU_LAST = [
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
  'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев',
  'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв',
  'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов',
  'Жуков', 'Баранов', 'Филиппов', 'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров',
  'Матвеев', 'Титов', 'Марков', 'Миронов', 'Крылов', 'Куликов', 'Карпов', 'Власов', 'Мельников', 'Денисов',
  'Гаврилов', 'Тихонов', 'Казаков', 'Афанасьев', 'Ершов', 'Ефимов', 'Шубин', 'Голубев', 'Калинин', 'Абрамов',
  'Островский', 'Вишневский', 'Ковальский', 'Толстой', 'Лановой', 'Шевченко', 'Бондаренко', 'Коваленко', 'Ткаченко', 'Черных',
] as const;

export function feminine(lastName: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(lastName)) return `${lastName}а`;
  if (lastName.endsWith('ский')) return `${lastName.slice(0, -4)}ская`;
  if (lastName.endsWith('ой')) return `${lastName.slice(0, -2)}ая`;
  return lastName;
}

/** International people with the country their phone numbers and addresses belong to. */
export const INTERNATIONAL_PEOPLE = [
  ['John', 'Smith', 'US'], ['Emily', 'Johnson', 'US'], ['Michael', 'Brown', 'US'], ['Sarah', 'Davis', 'US'],
  ['James', 'Wilson', 'GB'], ['Olivia', 'Taylor', 'GB'], ['Oliver', 'Clarke', 'GB'], ['Charlotte', 'Evans', 'GB'],
  ['Anna', 'Müller', 'DE'], ['Lukas', 'Schmidt', 'DE'], ['Jonas', 'Becker', 'DE'], ['Lena', 'Fischer', 'DE'],
  ['Lars', 'Nilsson', 'SE'], ['Ingrid', 'Larsson', 'SE'], ['Mikko', 'Virtanen', 'FI'], ['Aino', 'Korhonen', 'FI'],
  ['Carlos', 'García', 'ES'], ['Lucía', 'Fernández', 'ES'], ['Marco', 'Rossi', 'IT'], ['Giulia', 'Bianchi', 'IT'],
  ['Mei', 'Chen', 'CN'], ['Wei', 'Zhang', 'CN'], ['Aisha', 'Khan', 'AE'], ['Omar', 'Haddad', 'AE'],
  ['Aigerim', 'Nurlanova', 'KZ'], ['Daniyar', 'Sadykov', 'KZ'], ['Nodir', 'Rakhimov', 'UZ'], ['Dilnoza', 'Karimova', 'UZ'],
  ['Mehmet', 'Yılmaz', 'TR'], ['Elif', 'Demir', 'TR'], ['João', 'Silva', 'BR'], ['Mariana', 'Souza', 'BR'],
] as const;

export const RU_POSITIONS = [
  'Генеральный директор', 'Коммерческий директор', 'Финансовый директор', 'Руководитель отдела закупок',
  'Менеджер по закупкам', 'Главный бухгалтер', 'Бухгалтер', 'Руководитель IT-отдела', 'Системный администратор',
  'Офис-менеджер', 'Директор по маркетингу', 'Маркетолог', 'Руководитель отдела продаж', 'Юрист',
  'Технический директор', 'Специалист по логистике',
] as const;

export const EN_POSITIONS = [
  'CEO', 'Head of Procurement', 'Procurement Manager', 'CFO', 'CTO', 'Operations Manager', 'Marketing Director',
  'Office Manager', 'Sales Director', 'IT Manager', 'Legal Counsel', 'Logistics Coordinator',
] as const;

/** Russian company name cores with a latin slug for domains and e-mails. */
export const RU_COMPANY_CORES = [
  ['Вектор', 'vector'], ['Северстрой', 'severstroy'], ['Альфа-Логистик', 'alfa-logistic'], ['Ромашка', 'romashka'],
  ['ТехноПарк', 'technopark'], ['Гранит', 'granit'], ['СибирьТелеком', 'sibtelecom'], ['Уральские Машины', 'uralmash'],
  ['Меридиан', 'meridian'], ['Балтика Трейд', 'baltika-trade'], ['Стройинвест', 'stroyinvest'], ['Энергосервис', 'energoservice'],
  ['Фармация Плюс', 'pharmplus'], ['Городские Окна', 'gorokna'], ['Агрохолдинг Заря', 'zarya-agro'], ['Волга-Авто', 'volga-auto'],
  ['Кедр', 'kedr'], ['Инфосистемы', 'infosys'], ['Полимер', 'polimer'], ['Восток-Сервис', 'vostok-service'],
  ['Премьер Мебель', 'premier-mebel'], ['Лидер', 'lider'], ['Орбита', 'orbita'], ['Прогресс', 'progress'],
  ['Магистраль', 'magistral'], ['Северный Ветер', 'north-wind'], ['КлинМастер', 'cleanmaster'], ['Азимут', 'azimut'],
  ['Медтехника', 'medtehnika'], ['Горизонт', 'gorizont'], ['Пекарня Хлебный Дом', 'hlebdom'], ['ДомСтрой', 'domstroy'],
  ['Эко Ферма', 'eco-ferma'], ['Сфера', 'sfera'], ['Атлант', 'atlant'], ['Цифровые Решения', 'digisol'],
  ['Интер-Тур', 'inter-tour'], ['Светлый Путь', 'svetly-put'], ['Транзит', 'tranzit'], ['Капитал Групп', 'capital-group'],
  ['Арктика', 'arktika'], ['Надёжный Склад', 'sklad24'], ['Академия Роста', 'rost-academy'], ['Оптима', 'optima'],
  ['Альянс', 'alliance'], ['Технострой', 'tehnostroy'], ['Ладога', 'ladoga'], ['Байкал Вода', 'baikal-voda'],
  ['Мастерская Уюта', 'uyut-master'], ['Профиль', 'profil'],
] as const;

export const RU_COMPANY_FORMS = ['ООО', 'ООО', 'ООО', 'АО', 'ПАО', 'ИП'] as const;

export const INTERNATIONAL_COMPANIES = [
  ['Acme Logistics', 'GmbH', 'acme-logistics.de', 'DE'], ['Nordic Timber', 'AB', 'nordictimber.se', 'SE'],
  ['Blue Harbor Trading', 'Ltd', 'blueharbor.co.uk', 'GB'], ['Sunrise Foods', 'Inc.', 'sunrisefoods.com', 'US'],
  ['Pacific Rim Electronics', 'Co., Ltd.', 'pacrim-elec.cn', 'CN'], ['Atlas Consulting', 'LLC', 'atlasconsult.com', 'US'],
  ['Steppe Energy', 'LLP', 'steppe-energy.kz', 'KZ'], ['Samarkand Textile', 'LLC', 'samtex.uz', 'UZ'],
  ['Bosphorus Foods', 'A.Ş.', 'bosphorusfoods.com.tr', 'TR'], ['Desert Star Holdings', 'FZE', 'desertstar.ae', 'AE'],
  ['Helsinki Design Works', 'Oy', 'hdw.fi', 'FI'], ['Costa Verde Export', 'S.L.', 'costaverde.es', 'ES'],
  ['Milano Moda', 'S.r.l.', 'milanomoda.it', 'IT'], ['Rio Coffee Traders', 'Ltda', 'riocoffee.com.br', 'BR'],
  ['Greenfield Software', 'Ltd', 'greenfield.io', 'GB'], ['Baltic Shipping', 'SIA', 'balticship.lv', 'LV'],
] as const;

export interface CityInfo {
  city: string;
  region: string;
  zip: string;
  country: string;
  streets: readonly string[];
}

export const RU_CITIES: readonly CityInfo[] = [
  { city: 'Москва', region: 'Москва', zip: '1', country: 'RU', streets: ['ул. Тверская', 'Ленинский пр-т', 'ул. Большая Ордынка', 'Пресненская наб.', 'ул. Новый Арбат'] },
  { city: 'Санкт-Петербург', region: 'Санкт-Петербург', zip: '19', country: 'RU', streets: ['Невский пр-т', 'ул. Садовая', 'Лиговский пр-т', 'ул. Марата'] },
  { city: 'Екатеринбург', region: 'Свердловская обл.', zip: '620', country: 'RU', streets: ['ул. Малышева', 'пр-т Ленина', 'ул. 8 Марта'] },
  { city: 'Новосибирск', region: 'Новосибирская обл.', zip: '630', country: 'RU', streets: ['Красный пр-т', 'ул. Ленина', 'ул. Фрунзе'] },
  { city: 'Казань', region: 'Республика Татарстан', zip: '420', country: 'RU', streets: ['ул. Баумана', 'ул. Пушкина', 'пр-т Победы'] },
  { city: 'Нижний Новгород', region: 'Нижегородская обл.', zip: '603', country: 'RU', streets: ['ул. Большая Покровская', 'ул. Рождественская'] },
  { city: 'Краснодар', region: 'Краснодарский край', zip: '350', country: 'RU', streets: ['ул. Красная', 'ул. Северная'] },
  { city: 'Самара', region: 'Самарская обл.', zip: '443', country: 'RU', streets: ['ул. Куйбышева', 'Московское ш.'] },
];

export const FOREIGN_CITIES: Record<string, CityInfo> = {
  US: { city: 'Austin', region: 'TX', zip: '787', country: 'US', streets: ['Congress Ave', 'Lamar Blvd'] },
  GB: { city: 'London', region: 'Greater London', zip: 'EC1A', country: 'GB', streets: ['Baker Street', 'Old Street'] },
  DE: { city: 'Berlin', region: 'Berlin', zip: '10', country: 'DE', streets: ['Friedrichstraße', 'Torstraße'] },
  SE: { city: 'Stockholm', region: 'Stockholm', zip: '11', country: 'SE', streets: ['Drottninggatan', 'Sveavägen'] },
  FI: { city: 'Helsinki', region: 'Uusimaa', zip: '00', country: 'FI', streets: ['Mannerheimintie', 'Aleksanterinkatu'] },
  ES: { city: 'Valencia', region: 'Valencia', zip: '46', country: 'ES', streets: ['Calle de Colón', 'Avenida del Puerto'] },
  IT: { city: 'Milano', region: 'Lombardia', zip: '201', country: 'IT', streets: ['Via Torino', 'Corso Buenos Aires'] },
  CN: { city: 'Shenzhen', region: 'Guangdong', zip: '518', country: 'CN', streets: ['Shennan Avenue', 'Huaqiang Road'] },
  AE: { city: 'Dubai', region: 'Dubai', zip: '00', country: 'AE', streets: ['Sheikh Zayed Road', 'Al Wasl Road'] },
  KZ: { city: 'Алматы', region: 'Алматы', zip: '050', country: 'KZ', streets: ['пр-т Абая', 'ул. Достык'] },
  UZ: { city: 'Ташкент', region: 'Ташкент', zip: '100', country: 'UZ', streets: ['ул. Амира Темура', 'ул. Навои'] },
  TR: { city: 'İstanbul', region: 'İstanbul', zip: '34', country: 'TR', streets: ['İstiklal Caddesi', 'Bağdat Caddesi'] },
  BR: { city: 'São Paulo', region: 'SP', zip: '01', country: 'BR', streets: ['Avenida Paulista', 'Rua Augusta'] },
  LV: { city: 'Riga', region: 'Riga', zip: 'LV-10', country: 'LV', streets: ['Brīvības iela', 'Elizabetes iela'] },
};

/** International dialling prefix and a digit pattern (`#` = random digit) per country. */
export const PHONE_PATTERNS: Record<string, readonly string[]> = {
  RU: ['+7 (9##) ###-##-##', '+79#########', '8 9## ###-##-##', '+7 495 ###-##-##', '+7 (812) ###-##-##'],
  US: ['+1 (512) ###-####', '+1 415 555 ####'],
  GB: ['+44 20 #### ####', '+44 7### ######'],
  DE: ['+49 30 ########', '+49 151 #######'],
  SE: ['+46 8 ### ### ##'],
  FI: ['+358 40 ### ####'],
  ES: ['+34 96# ### ###'],
  IT: ['+39 02 #### ####'],
  CN: ['+86 755 #### ####'],
  AE: ['+971 4 ### ####'],
  KZ: ['+7 (727) ###-##-##', '+7 701 ###-##-##'],
  UZ: ['+998 71 ###-##-##'],
  TR: ['+90 212 ### ## ##'],
  BR: ['+55 11 #####-####'],
  LV: ['+371 2### ####'],
};

export const FREE_MAIL_DOMAINS = ['gmail.com', 'yandex.ru', 'mail.ru', 'outlook.com', 'bk.ru'] as const;

export const PRODUCTS = [
  'Поставка серверного оборудования', 'Внедрение CRM', 'Годовая подписка', 'Продление лицензии',
  'Аудит IT-инфраструктуры', 'Обучение сотрудников', 'Интеграция с 1С', 'Поставка ноутбуков',
  'Настройка телефонии', 'Техническая поддержка', 'Разработка сайта', 'Аренда оборудования',
  'Поставка мебели', 'Монтаж видеонаблюдения', 'Консалтинг', 'Корпоративное мероприятие',
] as const;

export const LEAD_COMMENTS = [
  'Клиент просил перезвонить после обеда.',
  'Отправили коммерческое предложение, ждём обратной связи.',
  'Нужен счёт на оплату с НДС.',
  'Интересуются скидкой при годовой оплате.',
  'Решение принимает собственник, встреча на следующей неделе.',
  'Customer asked for an English-speaking manager.',
  'Сравнивают с двумя конкурентами, важна цена.',
  'Согласовали техническое задание, готовим договор.',
] as const;

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Lowercase latin for e-mail local parts: Cyrillic transliterated, accents dropped. */
export function latin(text: string): string {
  return [...text.toLowerCase()]
    .map((char) => TRANSLIT[char] ?? char)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[^a-z0-9]+/g, '');
}
